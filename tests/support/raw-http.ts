import net from 'node:net'

export interface RawResponse {
  status: number
  headers: Record<string, string>
  body: string
  /** The whole answer as received, for messages. */
  raw: string
}

/**
 * One HTTP/1.1 request written by hand on a socket. fetch and Playwright's request API refuse methods such as
 * TRACE, CONNECT or FOO, or rewrite them, so the method guard can only be tested this way.
 */
export function rawRequest(port: number, method: string, path: string, extraHeaders = ''): Promise<RawResponse> {
  return new Promise((resolve, reject) => {
    const socket = net.connect(port, '127.0.0.1')
    const chunks: Buffer[] = []
    const timer = setTimeout(() => {
      socket.destroy()
      reject(new Error(`${method} ${path}: no complete answer within 10 s`))
    }, 10_000)
    socket.on('data', (chunk) => chunks.push(chunk))
    socket.on('error', (error) => {
      clearTimeout(timer)
      reject(error)
    })
    socket.on('close', () => {
      clearTimeout(timer)
      const raw = Buffer.concat(chunks).toString('latin1')
      const [head = '', ...rest] = raw.split('\r\n\r\n')
      const [statusLine = '', ...lines] = head.split('\r\n')
      const headers: Record<string, string> = {}
      for (const line of lines) {
        const colon = line.indexOf(':')
        if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim()
      }
      const body = rest.join('\r\n\r\n')
      resolve({
        status: Number(statusLine.split(' ')[1] ?? 0),
        headers,
        body: headers['transfer-encoding'] === 'chunked' ? dechunk(body) : body,
        raw,
      })
    })
    socket.write(
      `${method} ${path} HTTP/1.1\r\nHost: 127.0.0.1:${port}\r\nConnection: close\r\nContent-Length: 0\r\n${extraHeaders}\r\n`,
    )
  })
}

/** The payload of a `Transfer-Encoding: chunked` body (sizes in hex, each chunk followed by CRLF). */
function dechunk(body: string): string {
  let out = ''
  let at = 0
  while (at < body.length) {
    const lineEnd = body.indexOf('\r\n', at)
    if (lineEnd < 0) break
    const size = parseInt(body.slice(at, lineEnd), 16)
    if (!Number.isFinite(size) || size === 0) break
    out += body.slice(lineEnd + 2, lineEnd + 2 + size)
    at = lineEnd + 2 + size + 2
  }
  return out
}
