// @vitest-environment jsdom
import { createElement } from 'react'
import { renderToString } from 'react-dom/server'
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest'
import type { DateField as DateFieldComponent } from '@/components/ui/date-field'
import { DATE_FIELD_ATTRIBUTE, DATE_FIELD_UPGRADE_SCRIPT } from '@/lib/ui/date-field-script'

/** The field as the server renders it: the module loaded where there is no window, as on the server. */
let DateField: typeof DateFieldComponent
beforeAll(async () => {
  vi.stubGlobal('window', undefined)
  DateField = (await import('@/components/ui/date-field')).DateField
  vi.unstubAllGlobals()
})

/** The script as the browser runs it from the head, with frames under the test's control. */
let frames: FrameRequestCallback[] = []
const runScript = () => new Function(DATE_FIELD_UPGRADE_SCRIPT)()
const nextFrame = () => {
  const due = frames
  frames = []
  for (const callback of due) callback(performance.now())
}

beforeEach(() => {
  vi.useFakeTimers()
  frames = []
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => frames.push(callback))
})
afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  document.body.innerHTML = ''
})

const serverField = (value: string) =>
  renderToString(createElement(DateField, { label: 'From', name: 'from', value, onCommit: () => {} }))

describe('the date fields before the script has run', () => {
  it('are ISO text fields in the server HTML, which a reader without JavaScript can fill in and submit', () => {
    document.body.innerHTML = serverField('2025-01-17')
    const input = document.querySelector('input') as HTMLInputElement
    expect(input.type).toBe('text')
    expect(input.name).toBe('from')
    expect(input.value).toBe('2025-01-17')
    expect(input.getAttribute('pattern')).toBe('\\d{4}-\\d{2}-\\d{2}')
    expect(input.placeholder).toBe('YYYY-MM-DD')
    // The attribute the head script looks for.
    expect(input.hasAttribute(DATE_FIELD_ATTRIBUTE)).toBe(true)
  })
})

describe('the date fields in the browser', () => {
  it('render as date pickers, the type the head script gave them, so hydration does not turn them back', async () => {
    vi.resetModules()
    const { DateField: InBrowser } = await import('@/components/ui/date-field')
    document.body.innerHTML = renderToString(
      createElement(InBrowser, { label: 'From', name: 'from', value: '2025-01-17', onCommit: () => {} }),
    )
    const input = document.querySelector('input') as HTMLInputElement
    expect(input.type).toBe('date')
    expect(input.value).toBe('2025-01-17')
  })
})

describe('the head script that makes them date pickers', () => {
  it('waits for the first frame, then upgrades each field after it, keeping its date', () => {
    document.body.innerHTML = serverField('2025-01-17') + serverField('')
    runScript()
    const [first, second] = [...document.querySelectorAll('input')]
    vi.runAllTimers()
    expect(first?.type).toBe('text')
    nextFrame()
    expect(first?.type).toBe('text')
    vi.runAllTimers()
    expect(first?.type).toBe('date')
    expect(first?.value).toBe('2025-01-17')
    expect(second?.type).toBe('date')
  })

  it('leaves alone the field the reader is typing in, one holding text a date field would drop, and other inputs', () => {
    document.body.innerHTML =
      serverField('2025-01-17') + serverField('2025-01-1') + '<input id="other" type="text" value="2025-01-17">'
    const [typing, partial] = [...document.querySelectorAll(`input[${DATE_FIELD_ATTRIBUTE}]`)] as HTMLInputElement[]
    typing?.focus()
    runScript()
    nextFrame()
    vi.runAllTimers()
    expect(typing?.type).toBe('text')
    expect(partial?.type).toBe('text')
    expect(partial?.value).toBe('2025-01-1')
    expect((document.getElementById('other') as HTMLInputElement).type).toBe('text')
  })
})
