/** How the app names the Yahoo provider to readers. No server code here: the browser imports it for labels. */
export const YAHOO_ID = 'yahoo'

export const YAHOO_LABELS = {
  /** The live source, as the data-status line and the chart's footer name it. */
  live: 'Yahoo Finance chart API',
  short: 'Yahoo Finance',
  /** What the embedded snapshot was recorded from (its PROVENANCE.md). */
  snapshotOrigin: 'real Yahoo daily bars',
  /** How to spell a ticker this provider knows. */
  symbolHint: 'Yahoo notation, e.g. 9984.T for Tokyo',
} as const
