import { describe, expect, it } from 'vitest'
import { GET as getEvents } from '@/app/api/events/route'
import { GET as getPrices } from '@/app/api/prices/route'
import { GET as getReaction } from '@/app/api/reaction/route'
import { splitSymbols } from '@/lib/params'
import { printable } from '@/lib/safe-text'
import { readSymbol } from '@/lib/symbols'
import { parseViewState } from '@/lib/view/state'

// Characters that reorder or hide text on screen, or forge lines: none may reach a notice or an error as such.
const UNSAFE = /[\u0000-\u001f\u007f-\u009f\u200b-\u200f\u202a-\u202e\u2066-\u2069\u2028\u2029\ufeff]/

async function errorMessages(res: Response): Promise<string> {
  const body = (await res.json()) as { error: { message: string; issues?: { message: string }[] } }
  return [body.error.message, ...(body.error.issues ?? []).map((i) => i.message)].join(' | ')
}

describe('symbols are checked before they are upper-cased', () => {
  it('does not turn non-ASCII letters into a ticker (ſpy is not SPY, ıbm is not IBM)', () => {
    expect(readSymbol('ſpy')).toBeNull()
    expect(readSymbol('ıbm')).toBeNull()
    expect(readSymbol('ﬀ')).toBeNull()
    expect(readSymbol(' nvda ')).toBe('NVDA')
    expect(readSymbol('9984.t')).toBe('9984.T')
    expect(splitSymbols('ſpy,spy,SPY')).toEqual({ symbols: ['SPY'], invalid: ['ſPY'] })
  })

  it('the page ignores ſpy with a notice; the API refuses it', async () => {
    const { view, notices } = parseViewState({ symbols: 'ſpy,nvda' })
    expect(view.symbols).toEqual(['NVDA'])
    expect(notices.join(' ')).toMatch(/ſPY/)
    const res = await getPrices(new Request('http://localhost/api/prices?symbols=%C5%BFpy'))
    expect(res.status).toBe(400)
    const bench = await getReaction(
      new Request('http://localhost/api/reaction?symbols=NVDA&date=2025-01-27&benchmark=%C5%BFpy'),
    )
    expect(bench.status).toBe(400)
  })
})

describe('text echoed back is printable', () => {
  it('escapes bidi controls, marks, C0 and C1 controls, and cuts long text', () => {
    expect(printable('a\u202Eb\u2066c\u200Fd\u0007e\u0085f')).toBe(
      'a\\u{202E}b\\u{2066}c\\u{200F}d\\u{0007}e\\u{0085}f',
    )
    expect(printable('x'.repeat(1_000_000), 10)).toBe(`${'x'.repeat(10)}…`)
    expect(printable('é😀', 10)).toBe('é😀')
  })

  it('keeps them out of the page notices', () => {
    const nasty = 'NV\u202EDA,\u2066X\u2069,A\r\nB,\u200Eq'
    const { notices } = parseViewState({
      symbols: nasty,
      event: 'x\u202Ey',
      benchmark: 'S\u202EPY',
      categories: 'deep\u202Eseek',
      mode: 'p\u0000',
    })
    expect(notices.length).toBeGreaterThanOrEqual(4)
    for (const notice of notices) expect(notice).not.toMatch(UNSAFE)
    expect(notices.join(' ')).toContain('\\u{202E}')
  })

  it('keeps them out of every API error message', async () => {
    const cases = [
      getPrices(new Request(`http://localhost/api/prices?symbols=${encodeURIComponent('NV\u202EDA\r\n')}`)),
      getReaction(
        new Request(
          `http://localhost/api/reaction?symbols=NVDA&date=2025-01-27&benchmark=${encodeURIComponent('\u2066SPY')}`,
        ),
      ),
      getReaction(
        new Request(
          `http://localhost/api/reaction?symbols=NVDA&date=2025-01-27&estimation=${encodeURIComponent('1\u202E2')}`,
        ),
      ),
      getReaction(
        new Request(
          `http://localhost/api/reaction?symbols=NVDA&date=2025-01-27&windows=${encodeURIComponent('0:\u202E1')}`,
        ),
      ),
      getEvents(new Request(`http://localhost/api/events?category=${encodeURIComponent('deep\u202Eseek\u0085')}`)),
    ]
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400)
      const text = await errorMessages(res)
      expect(text).not.toMatch(UNSAFE)
      expect(text).toMatch(/\\u\{(202E|2066|0085|000D)\}/)
    }
  })
})
