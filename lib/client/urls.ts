/** The /api/prices URL of a view's data: the SWR key on the client and the fallback key on the server. */
export function pricesUrl(symbols: readonly string[], from: string, to: string): string | null {
  if (symbols.length === 0) return null
  return `/api/prices?symbols=${symbols.map(encodeURIComponent).join(',')}&from=${from}&to=${to}`
}
