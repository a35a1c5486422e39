import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { layoutEventLabels } from '@/lib/chart/label-layout'

/** Sorted integer xs (labels arrive in x order), a label width, a row count and a gap. */
const layoutInput = fc.record({
  xs: fc.array(fc.integer({ min: 0, max: 2000 }), { maxLength: 60 }).map((xs) => [...xs].sort((a, b) => a - b)),
  labelWidth: fc.integer({ min: 1, max: 80 }),
  rows: fc.integer({ min: 1, max: 5 }),
  gap: fc.integer({ min: 0, max: 10 }),
})

describe('layoutEventLabels', () => {
  it('never lets two labels on one row overlap unless one of them is flagged', () => {
    fc.assert(
      fc.property(layoutInput, ({ xs, labelWidth, rows, gap }) => {
        const layout = layoutEventLabels(xs, { labelWidth, rows, gap })
        expect(layout).toHaveLength(xs.length)
        for (let i = 0; i < xs.length; i++) {
          const a = layout[i]!
          expect(a.row).toBeGreaterThanOrEqual(0)
          expect(a.row).toBeLessThan(rows)
          for (let j = i + 1; j < xs.length; j++) {
            const b = layout[j]!
            if (a.row !== b.row || a.overlaps || b.overlaps) continue
            expect(xs[j]! - xs[i]!, `labels ${i} and ${j} on row ${a.row}`).toBeGreaterThanOrEqual(labelWidth + gap)
          }
        }
      }),
    )
  })

  it('flags a label only when every row is already taken where it starts', () => {
    fc.assert(
      fc.property(layoutInput, ({ xs, labelWidth, rows, gap }) => {
        const layout = layoutEventLabels(xs, { labelWidth, rows, gap })
        xs.forEach((x, j) => {
          if (!layout[j]!.overlaps) return
          for (let row = 0; row < rows; row++) {
            const blocked = xs.some((other, i) => i < j && layout[i]!.row === row && other + labelWidth / 2 + gap > x - labelWidth / 2)
            expect(blocked, `row ${row} was free for label ${j}`).toBe(true)
          }
        })
      }),
    )
  })

  it('flags nothing when there are as many rows as labels', () => {
    fc.assert(
      fc.property(layoutInput, ({ xs, labelWidth, gap }) => {
        const layout = layoutEventLabels(xs, { labelWidth, rows: Math.max(1, xs.length), gap })
        expect(layout.some((p) => p.overlaps)).toBe(false)
      }),
    )
  })

  it('is deterministic', () => {
    fc.assert(
      fc.property(layoutInput, ({ xs, labelWidth, rows, gap }) => {
        expect(layoutEventLabels(xs, { labelWidth, rows, gap })).toEqual(layoutEventLabels([...xs], { labelWidth, rows, gap }))
      }),
    )
  })

  it('keeps the top row for labels that fit and steps down only for neighbours', () => {
    const layout = layoutEventLabels([0, 10, 100, 105, 300], { labelWidth: 20, rows: 3, gap: 2 })
    expect(layout.map((p) => p.row)).toEqual([0, 1, 0, 1, 0])
    expect(layout.every((p) => !p.overlaps)).toBe(true)
  })

  it('puts a crowd that no row can hold on the least-crowded rows and flags it', () => {
    const layout = layoutEventLabels([50, 50, 50, 50, 50], { labelWidth: 20, rows: 3 })
    expect(layout.slice(0, 3)).toEqual([
      { row: 0, overlaps: false },
      { row: 1, overlaps: false },
      { row: 2, overlaps: false },
    ])
    expect(layout[3]).toEqual({ row: 0, overlaps: true })
    expect(layout[4]).toEqual({ row: 1, overlaps: true })
  })

  it('prefers, when crowded, the row whose last label ends first', () => {
    // Row 0 ends at 10 (label at 0), row 1 at 25 (label at 15); a label at 19 overlaps both, row 0 least.
    const layout = layoutEventLabels([0, 15, 19], { labelWidth: 20, rows: 2, gap: 0 })
    expect(layout.map((p) => p.row)).toEqual([0, 1, 0])
    expect(layout[2]?.overlaps).toBe(true)
  })

  it('lays out unsorted input as if sorted and answers in input order', () => {
    const sorted = layoutEventLabels([0, 10, 100], { labelWidth: 20, rows: 2 })
    const shuffled = layoutEventLabels([100, 0, 10], { labelWidth: 20, rows: 2 })
    expect(shuffled).toEqual([sorted[2], sorted[0], sorted[1]])
  })

  it('always uses at least one row', () => {
    expect(layoutEventLabels([0, 5], { labelWidth: 10, rows: 0 }).map((p) => p.row)).toEqual([0, 0])
  })
})
