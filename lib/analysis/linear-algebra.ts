/**
 * The few matrix operations the regression models need, on small dense matrices (at most 4 x 4 here).
 * Row-major arrays of rows; no library because the sizes are tiny and the operations are textbook.
 */
export type Matrix = number[][]

/** `X'X` for a design matrix given by its rows. */
export function crossProduct(rows: readonly (readonly number[])[]): Matrix {
  const k = rows[0]?.length ?? 0
  const out: Matrix = Array.from({ length: k }, () => new Array<number>(k).fill(0))
  for (const row of rows) {
    for (let i = 0; i < k; i++) {
      const ri = row[i] ?? 0
      const outRow = out[i] as number[]
      for (let j = 0; j < k; j++) outRow[j] = (outRow[j] ?? 0) + ri * (row[j] ?? 0)
    }
  }
  return out
}

/** `X'y`. */
export function crossVector(rows: readonly (readonly number[])[], y: readonly number[]): number[] {
  const k = rows[0]?.length ?? 0
  const out = new Array<number>(k).fill(0)
  rows.forEach((row, t) => {
    for (let i = 0; i < k; i++) out[i] = (out[i] ?? 0) + (row[i] ?? 0) * (y[t] ?? 0)
  })
  return out
}

/**
 * Inverse by Gauss-Jordan elimination with partial pivoting; null when the matrix is singular to working
 * precision (a pivot below 1e-12 of the largest entry), e.g. a regressor that does not vary.
 */
export function invert(matrix: readonly (readonly number[])[]): Matrix | null {
  const n = matrix.length
  const a: Matrix = matrix.map((row, i) => [...row, ...Array.from({ length: n }, (_, j) => (i === j ? 1 : 0))])
  const scale = Math.max(...matrix.flat().map(Math.abs), 0)
  if (!(scale > 0)) return null
  for (let col = 0; col < n; col++) {
    let pivot = col
    for (let r = col + 1; r < n; r++) if (Math.abs(a[r]?.[col] ?? 0) > Math.abs(a[pivot]?.[col] ?? 0)) pivot = r
    const pivotRow = a[pivot] as number[]
    const p = pivotRow[col] ?? 0
    if (Math.abs(p) <= 1e-12 * scale) return null
    a[pivot] = a[col] as number[]
    a[col] = pivotRow
    for (let j = 0; j < 2 * n; j++) pivotRow[j] = (pivotRow[j] ?? 0) / p
    for (let r = 0; r < n; r++) {
      if (r === col) continue
      const row = a[r] as number[]
      const f = row[col] ?? 0
      if (f === 0) continue
      for (let j = 0; j < 2 * n; j++) row[j] = (row[j] ?? 0) - f * (pivotRow[j] ?? 0)
    }
  }
  return a.map((row) => row.slice(n))
}

/** `u' A v`. */
export function quadraticForm(
  a: readonly (readonly number[])[],
  u: readonly number[],
  v: readonly number[] = u,
): number {
  let sum = 0
  a.forEach((row, i) => {
    row.forEach((aij, j) => {
      sum += (u[i] ?? 0) * aij * (v[j] ?? 0)
    })
  })
  return sum
}

/** `A v`. */
export function multiply(a: readonly (readonly number[])[], v: readonly number[]): number[] {
  return a.map((row) => row.reduce((sum, aij, j) => sum + aij * (v[j] ?? 0), 0))
}
