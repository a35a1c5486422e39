import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { createRequire } from 'node:module'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { REFUSAL_HEADERS, installMethodGuard } from '@/lib/server/method-guard'
import { rawRequest } from '../support/raw-http'

interface HeaderRule {
  source: string
  headers: { key: string; value: string }[]
}
const nextConfig = createRequire(import.meta.url)('../../next.config.js') as { headers: () => Promise<HeaderRule[]> }

// The guard in front of a plain Node server, as instrumentation.ts installs it in front of Next's listener.
// tests/e2e/edges.spec.ts checks the same against the production build.
let server: http.Server
let port = 0
const seen: string[] = []

beforeAll(async () => {
  installMethodGuard()
  server = http.createServer((req, res) => {
    seen.push(req.method ?? '')
    res.end('served')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  port = (server.address() as AddressInfo).port
})
afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

describe('method guard', () => {
  it('lets GET and HEAD through to the app', async () => {
    expect((await rawRequest(port, 'GET', '/')).body).toBe('served')
    expect((await rawRequest(port, 'HEAD', '/')).status).toBe(200)
    expect(seen).toEqual(['GET', 'HEAD'])
  })

  it.each([
    'POST',
    'PUT',
    'DELETE',
    'PATCH',
    'OPTIONS',
    'TRACE',
    'PROPFIND',
    'QUERY',
    'CONNECT',
    'TRACK',
    'FOO',
    'get',
  ])('answers %s with the JSON 405 and Allow: GET, HEAD, never reaching the app', async (method) => {
    const before = seen.length
    const res = await rawRequest(port, method, method === 'CONNECT' ? '127.0.0.1:443' : '/x')
    expect(res.status).toBe(405)
    expect(res.headers.allow).toBe('GET, HEAD')
    expect(res.headers['content-type']).toBe('application/json')
    expect(JSON.parse(res.body)).toEqual({ error: { code: 'method_not_allowed', message: expect.any(String) } })
    expect(seen.length).toBe(before)
  })

  it('leaves every other parser error to Node (an oversized header is still a 431)', async () => {
    const res = await rawRequest(port, 'GET', '/', `X-Big: ${'a'.repeat(20_000)}\r\n`)
    expect(res.status).toBe(431)
  })

  it('installs once per process', () => {
    expect(installMethodGuard()).toBe(false)
  })

  it('carries the security headers next.config.js gives every response', async () => {
    const rules = await nextConfig.headers()
    const common = rules.find((r) => r.source === '/:path*')?.headers ?? []
    const api = rules.find((r) => r.source === '/api/:path*')?.headers ?? []
    expect(common.length).toBeGreaterThan(3)
    for (const { key, value } of [...common, ...api]) expect(REFUSAL_HEADERS[key], key).toBe(value)
  })
})
