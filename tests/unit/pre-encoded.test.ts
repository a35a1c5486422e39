import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { ENCODED_AS_HEADER, ENCODED_LENGTH_HEADER, installPreEncodedResponses } from '@/lib/http/pre-encoded'

let server: http.Server
let base = ''

beforeAll(async () => {
  installPreEncodedResponses()
  // Sets headers the way Next.js copies a route's Response onto the Node response: one setHeader per header.
  server = http.createServer((req, res) => {
    const coding = new URL(req.url ?? '/', 'http://x').searchParams.get('coding') ?? ''
    res.setHeader('Content-Type', 'application/json')
    res.setHeader(ENCODED_AS_HEADER, coding)
    res.setHeader(ENCODED_LENGTH_HEADER, '5')
    res.end('abcde')
  })
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
})

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())))

function headersOf(path: string): Promise<http.IncomingHttpHeaders> {
  return new Promise((resolve, reject) => {
    http
      .get(`${base}${path}`, (res) => {
        res.resume()
        res.on('end', () => resolve(res.headers))
      })
      .on('error', reject)
  })
}

describe('installPreEncodedResponses', () => {
  it('turns the private headers into Content-Encoding and Content-Length, and never sends them', async () => {
    const headers = await headersOf('/?coding=br')
    expect(headers['content-encoding']).toBe('br')
    expect(headers['content-length']).toBe('5')
    expect(headers[ENCODED_AS_HEADER]).toBeUndefined()
    expect(headers[ENCODED_LENGTH_HEADER]).toBeUndefined()
  })

  it('drops a coding it does not know instead of naming it', async () => {
    const headers = await headersOf('/?coding=compress')
    expect(headers['content-encoding']).toBeUndefined()
    expect(headers[ENCODED_AS_HEADER]).toBeUndefined()
  })

  it('installs once', () => {
    expect(installPreEncodedResponses()).toBe(false)
  })
})
