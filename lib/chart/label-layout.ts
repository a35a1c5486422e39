/**
 * Places event labels (the numbered markers above the plot) on a few stacked rows so that labels on the same
 * row never sit on each other. Shared by the live chart and the SVG/PNG export so both read the same.
 */

export interface LabelLayoutOptions {
  /** Width of one label, centred on its x. */
  labelWidth: number
  /** Rows available; at least one is always used. */
  rows: number
  /** Clear space kept between two labels on one row. */
  gap?: number
}

export interface LabelPlacement {
  /** 0 is the top row. */
  row: number
  /** True when every row was already taken at this x, so the label had to be drawn over another one. */
  overlaps: boolean
}

const DEFAULT_GAP = 2

/**
 * Greedy first-fit: each label, in x order, goes on the first row whose last label ends at least `gap` before
 * this one starts. First-fit on sorted intervals keeps earlier events on the top row, which reads naturally,
 * and is optimal for interval colouring, so a label is flagged only when `rows` truly cannot hold the crowd.
 *
 * When every row is taken, the label goes on the row whose last label ends first (the one it overlaps least;
 * ties go to the row holding fewer labels, then the upper row) and is flagged `overlaps: true`.
 *
 * Labels are expected in x order, as the chart's events are; any other order is laid out as if sorted (ties keep
 * their input order), and placements always come back in input order. Non-finite xs are treated as 0.
 */
export function layoutEventLabels(xs: readonly number[], options: LabelLayoutOptions): LabelPlacement[] {
  const rows = Math.max(1, Math.floor(Number.isFinite(options.rows) ? options.rows : 1))
  const width = Math.max(0, Number.isFinite(options.labelWidth) ? options.labelWidth : 0)
  const gap = Math.max(0, options.gap ?? DEFAULT_GAP)
  const half = width / 2

  const safeXs = xs.map((x) => (Number.isFinite(x) ? x : 0))
  const order = safeXs.map((_, i) => i).sort((a, b) => (safeXs[a] as number) - (safeXs[b] as number) || a - b)

  const rowEnd: number[] = new Array<number>(rows).fill(Number.NEGATIVE_INFINITY)
  const rowCount: number[] = new Array<number>(rows).fill(0)
  const placements: LabelPlacement[] = new Array<LabelPlacement>(xs.length)

  for (const i of order) {
    const x = safeXs[i] as number
    const start = x - half
    const end = x + half
    let row = rowEnd.findIndex((last) => last + gap <= start)
    const overlaps = row === -1
    if (overlaps) {
      row = 0
      for (let r = 1; r < rows; r++) {
        const better =
          (rowEnd[r] as number) < (rowEnd[row] as number) ||
          ((rowEnd[r] as number) === (rowEnd[row] as number) && (rowCount[r] as number) < (rowCount[row] as number))
        if (better) row = r
      }
    }
    rowEnd[row] = Math.max(rowEnd[row] as number, end)
    rowCount[row] = (rowCount[row] as number) + 1
    placements[i] = { row, overlaps }
  }
  return placements
}
