import { z } from 'zod'
import { isIsoDate } from '../dates'

/** A bar stored compactly: [date, open, high, low, close, adjClose, volume]. */
export const storedBarSchema = z.tuple([
  z.string().refine(isIsoDate, 'not a real ISO date'),
  z.number().positive(),
  z.number().positive(),
  z.number().positive(),
  z.number().positive(),
  z.number().positive(),
  z.number().int().nonnegative(),
])

export const storedSeriesSchema = z.object({
  symbol: z.string(),
  /** The CSV it was imported from and its SHA-256, so a reader can check the snapshot against the source. */
  file: z.string(),
  sha256: z.string().regex(/^[0-9a-f]{64}$/),
  from: z.string(),
  to: z.string(),
  rows: z.number().int().positive(),
  bars: z.array(storedBarSchema),
})

export const snapshotFileSchema = z.object({
  format: z.literal('ai-shock-snapshot/1'),
  importedAt: z.string(),
  note: z.string(),
  series: z.record(z.string(), storedSeriesSchema),
})

export type SnapshotFile = z.infer<typeof snapshotFileSchema>
export type StoredSeries = z.infer<typeof storedSeriesSchema>
