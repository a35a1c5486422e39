import http from 'node:http'
import { brotliDecompressSync, gunzipSync } from 'node:zlib'

export interface DecodedAnswer {
  status: number
  headers: http.IncomingHttpHeaders
  /** The body as it came over the wire. */
  raw: Buffer
  /** The body decoded from its Content-Encoding (gzip or br), or as it came. */
  body: Buffer
}

/**
 * One request with node:http, which sends exactly the headers given (fetch would add its own Accept-Encoding),
 * and the answer's body decoded, for the tests of the caches that answer in a coding they choose.
 */
export function decodedGet(url: string, headers: Record<string, string> = {}, method = 'GET'): Promise<DecodedAnswer> {
  return new Promise((resolve, reject) => {
    const req = http.request(url, { method, headers }, (res) => {
      const parts: Buffer[] = []
      res.on('data', (c: Buffer) => parts.push(c))
      res.on('end', () => {
        const raw = Buffer.concat(parts)
        const coding = res.headers['content-encoding']
        const body =
          raw.byteLength === 0
            ? raw
            : coding === 'gzip'
              ? gunzipSync(raw)
              : coding === 'br'
                ? brotliDecompressSync(raw)
                : raw
        resolve({ status: res.statusCode ?? 0, headers: res.headers, raw, body })
      })
    })
    req.on('error', reject)
    req.end()
  })
}
