/** The window the embedded snapshot covers for every US symbol: the app's default range for queries. */
export const DATA_WINDOW = { from: '2024-07-01', to: '2025-06-30' } as const
