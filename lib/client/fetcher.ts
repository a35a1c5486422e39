import type { ApiErrorBody } from '../api/errors'

/** What a failed API call throws: the HTTP status and the API's own error body, for the UI to show. */
export class FetchError extends Error {
  override readonly name = 'FetchError'
  constructor(
    readonly status: number,
    readonly body: ApiErrorBody | null,
  ) {
    super(body?.error.message ?? `Request failed with status ${status}`)
  }
}

/** The one fetcher SWR uses. Throws a FetchError carrying status and body on any non-2xx answer. */
export async function fetchJson<T>(url: string): Promise<T> {
  let response: Response
  try {
    response = await fetch(url, { headers: { Accept: 'application/json' } })
  } catch {
    throw new FetchError(0, {
      error: { code: 'upstream_error', message: 'The app could not be reached. Check your connection and retry.' },
    })
  }
  if (!response.ok) {
    let body: ApiErrorBody | null = null
    try {
      body = (await response.json()) as ApiErrorBody
    } catch {
      body = null
    }
    throw new FetchError(response.status, body)
  }
  return (await response.json()) as T
}
