import { EXPORT_PALETTE_FALLBACK, EXPORT_PALETTE_VARS } from './svg'

/** Browsers refuse canvases much past this on a side (Safari and mobile Chrome are the tightest). */
const MAX_CANVAS_SIDE = 16_384
const IMAGE_LOAD_TIMEOUT_MS = 15_000

export interface PngOptions {
  /** Device pixels per SVG unit: 2 turns a 1600-wide chart into a 3200-px PNG that stays sharp on retina screens. */
  scale?: number
}

/** Width and height from the root `<svg>` tag: its `width`/`height`, else its `viewBox`. */
function svgSize(svg: string): { width: number; height: number } | null {
  const root = /<svg\b[^>]*>/i.exec(svg)?.[0]
  if (!root) return null
  const attr = (name: string) => new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i').exec(root)?.[1]
  const width = Number.parseFloat(attr('width') ?? '')
  const height = Number.parseFloat(attr('height') ?? '')
  if (width > 0 && height > 0) return { width, height }
  const box = (attr('viewBox') ?? '')
    .trim()
    .split(/[\s,]+/)
    .map(Number)
  const [, , w, h] = box
  return w && h && w > 0 && h > 0 ? { width: w, height: h } : null
}

function loadImage(url: string): Promise<HTMLImageElement> {
  return new Promise((resolve, reject) => {
    const image = new Image()
    const timer = setTimeout(
      () => reject(new Error('The chart image took too long to load for the PNG export.')),
      IMAGE_LOAD_TIMEOUT_MS,
    )
    image.onload = () => {
      clearTimeout(timer)
      resolve(image)
    }
    image.onerror = () => {
      clearTimeout(timer)
      reject(new Error('The browser could not load the chart SVG as an image (is it valid SVG?).'))
    }
    image.decoding = 'async'
    image.src = url
  })
}

/**
 * Rasterises a standalone SVG document (as built by `buildChartSvg`) to a PNG, in the browser. The SVG is
 * loaded from a Blob URL: it has no external references or foreignObject, so the canvas is not tainted and
 * `toBlob` is allowed. Rejects with an Error that says what failed.
 */
export async function svgToPngBlob(svg: string, { scale = 2 }: PngOptions = {}): Promise<Blob> {
  if (typeof document === 'undefined' || typeof Image === 'undefined' || typeof URL.createObjectURL !== 'function') {
    throw new Error('PNG export needs a browser (document, Image and URL.createObjectURL).')
  }
  if (!Number.isFinite(scale) || scale <= 0) throw new Error(`PNG scale must be a positive number, got ${scale}.`)
  const size = svgSize(svg)
  if (!size) throw new Error('The SVG has no width and height (nor a viewBox), so the PNG size is unknown.')

  const pixelWidth = Math.round(size.width * scale)
  const pixelHeight = Math.round(size.height * scale)
  if (pixelWidth > MAX_CANVAS_SIDE || pixelHeight > MAX_CANVAS_SIDE) {
    throw new Error(
      `The PNG would be ${pixelWidth}×${pixelHeight} px, more than browsers can draw (${MAX_CANVAS_SIDE} px a side); use a smaller scale.`,
    )
  }

  const url = URL.createObjectURL(new Blob([svg], { type: 'image/svg+xml;charset=utf-8' }))
  try {
    const image = await loadImage(url)
    const canvas = document.createElement('canvas')
    canvas.width = pixelWidth
    canvas.height = pixelHeight
    const context = canvas.getContext('2d')
    if (!context) throw new Error('The browser gave no 2D canvas context for the PNG export.')
    context.drawImage(image, 0, 0, pixelWidth, pixelHeight)
    return await new Promise<Blob>((resolve, reject) => {
      try {
        // Chromium encodes the PNG in an idle period of the main thread, and such a period follows a frame. On a
        // page where nothing is changing no frame may come, and the encoder then waits for its fallback, a second
        // (measured: 7 exports in 16 took 1.1 s instead of about 0.13 s; docs/performance.md, the thirteenth
        // pass). Asking for a frame gives it its idle period at once.
        if (typeof requestAnimationFrame === 'function') requestAnimationFrame(() => {})
        canvas.toBlob(
          (blob) => (blob ? resolve(blob) : reject(new Error('The browser could not encode the PNG.'))),
          'image/png',
        )
      } catch (cause) {
        reject(new Error('The browser refused to read the canvas back as a PNG.', { cause }))
      }
    })
  } finally {
    URL.revokeObjectURL(url)
  }
}

/**
 * The colours of every CSS variable the export uses, as computed on `element` (so the export follows the
 * current theme). A variable the stylesheet leaves empty takes its light-theme colour.
 */
export function resolvePalette(element: Element): Record<string, string> {
  const view = element.ownerDocument.defaultView
  const style = view ? view.getComputedStyle(element) : null
  const palette: Record<string, string> = {}
  for (const name of EXPORT_PALETTE_VARS) {
    const value = style?.getPropertyValue(name).trim()
    palette[name] = value || (EXPORT_PALETTE_FALLBACK[name] as string)
  }
  return palette
}
