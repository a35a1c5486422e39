// @vitest-environment jsdom
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { svgToPngBlob } from '@/lib/chart/export/png'

/**
 * jsdom draws nothing, so the browser's parts are stand-ins here, and the encoder is scheduled as Chromium
 * schedules `toBlob`: in the idle period that follows the next frame, or after its one-second fallback when no
 * frame comes. A frame comes only when the page asks for one.
 */
const SVG = '<svg xmlns="http://www.w3.org/2000/svg" width="120" height="80"><rect width="120" height="80"/></svg>'

let frameWanted: (() => void)[] = []
let encoderWaiting: (() => void)[] = []
let canvasSize: { width: number; height: number } | null = null

beforeEach(() => {
  vi.useFakeTimers()
  frameWanted = []
  encoderWaiting = []
  canvasSize = null
  vi.stubGlobal('requestAnimationFrame', (callback: FrameRequestCallback) => {
    frameWanted.push(() => callback(performance.now()))
    return frameWanted.length
  })
  URL.createObjectURL = vi.fn(() => 'blob:chart')
  URL.revokeObjectURL = vi.fn()
  // An image that loads on the next task, as a Blob URL of a valid SVG does.
  vi.stubGlobal(
    'Image',
    class {
      onload: (() => void) | null = null
      onerror: (() => void) | null = null
      decoding = 'auto'
      set src(_url: string) {
        setTimeout(() => this.onload?.(), 0)
      }
    },
  )
  const getContext = function (this: HTMLCanvasElement) {
    canvasSize = { width: this.width, height: this.height }
    return { drawImage: () => undefined }
  }
  vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockImplementation(
    getContext as unknown as HTMLCanvasElement['getContext'],
  )
  vi.spyOn(HTMLCanvasElement.prototype, 'toBlob').mockImplementation((callback: BlobCallback) => {
    let done = false
    const encode = () => {
      if (done) return
      done = true
      callback(new Blob(['png'], { type: 'image/png' }))
    }
    encoderWaiting.push(encode)
    setTimeout(encode, 1_000)
  })
})

afterEach(() => {
  vi.useRealTimers()
  vi.unstubAllGlobals()
  vi.restoreAllMocks()
})

/** One frame, if the page asked for one, and the idle period after it. */
function runFrame() {
  const callbacks = frameWanted
  frameWanted = []
  if (callbacks.length === 0) return
  for (const callback of callbacks) callback()
  for (const encode of encoderWaiting.splice(0)) encode()
}

describe('svgToPngBlob', () => {
  it('has its PNG within a frame, not after the encoder’s one-second fallback, on a page where nothing changes', async () => {
    let blob: Blob | null = null
    void svgToPngBlob(SVG, { scale: 2 }).then((b) => (blob = b))
    for (let ms = 0; ms < 100 && !blob; ms += 16) {
      await vi.advanceTimersByTimeAsync(16)
      runFrame()
      await vi.advanceTimersByTimeAsync(0)
    }
    expect(blob).not.toBeNull()
    expect(blob!.type).toBe('image/png')
    expect(canvasSize).toEqual({ width: 240, height: 160 })
    expect(URL.revokeObjectURL).toHaveBeenCalledWith('blob:chart')
  })

  it('refuses an SVG without a size, and a canvas past what browsers draw, saying why', async () => {
    await expect(svgToPngBlob('<svg xmlns="http://www.w3.org/2000/svg"/>')).rejects.toThrow(/no width and height/)
    await expect(svgToPngBlob(SVG, { scale: 200 })).rejects.toThrow(/24000×16000 px, more than browsers can draw/)
  })
})
