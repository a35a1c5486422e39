import http from 'node:http'
import type { AddressInfo } from 'node:net'
import { afterEach, describe, expect, it } from 'vitest'
import { addressKey, clientIdentity, UNKNOWN_PEER } from '@/lib/limits/client-identity'
import {
  installPeerAddressStamp,
  markPeerAddressStampForTests,
  PEER_ADDRESS_HEADER,
  stampedPeerAddress,
} from '@/lib/limits/peer-address'
import { fromPeer } from './support/peer'

const PEER = '198.51.100.20'
const id = (headers: Record<string, string>, trustProxyHops = 0) =>
  clientIdentity(new Headers(headers), { trustProxyHops })

afterEach(() => markPeerAddressStampForTests(true))

describe('client identity without trust (the default)', () => {
  it('is the TCP peer, whatever forwarded headers say', () => {
    const forms: Record<string, string>[] = [
      { 'x-forwarded-for': '203.0.113.7' },
      { 'x-forwarded-for': '203.0.113.7, 198.51.100.20' },
      { 'x-real-ip': '203.0.113.8' },
      { forwarded: 'for=203.0.113.9;proto=https' },
      { 'x-forwarded-for': '<script>', 'x-real-ip': '' },
    ]
    for (const headers of forms) expect(id(fromPeer(PEER, headers))).toBe(`ip:${PEER}`)
  })

  it('a header named like the stamp counts for nothing when the stamp is not installed', () => {
    markPeerAddressStampForTests(false)
    expect(id({ [PEER_ADDRESS_HEADER]: '203.0.113.7' })).toBe(UNKNOWN_PEER)
  })
})

describe('client identity with TRUST_PROXY_HOPS', () => {
  it('takes the N-th address from the right of X-Forwarded-For, never one the client wrote', () => {
    const xff = { 'x-forwarded-for': 'spoofed-by-client, 203.0.113.7, 192.0.2.10' }
    expect(id(fromPeer(PEER, xff), 1)).toBe('ip:192.0.2.10')
    expect(id(fromPeer(PEER, xff), 2)).toBe('ip:203.0.113.7')
    // X-Real-IP is not read even with trust: the proxy appends to X-Forwarded-For.
    expect(id(fromPeer(PEER, { 'x-real-ip': '203.0.113.8' }), 1)).toBe(`ip:${PEER}`)
  })

  it('falls back to the peer, not to a shared bucket, when the trusted entry is missing or malformed', () => {
    const malformed = ['', 'not-an-ip', '<script>', '999.1.1.1', 'x'.repeat(200), ', ,', '1.2.3.4, ']
    for (const value of malformed) expect(id(fromPeer(PEER, { 'x-forwarded-for': value }), 1)).toBe(`ip:${PEER}`)
    // Two different senders of the same junk get two buckets.
    expect(id(fromPeer('198.51.100.21', { 'x-forwarded-for': 'junk' }), 1)).toBe('ip:198.51.100.21')
    // Fewer entries than hops: the request did not come through the whole chain.
    expect(id(fromPeer(PEER, { 'x-forwarded-for': '203.0.113.7' }), 2)).toBe(`ip:${PEER}`)
  })
})

describe('address keys', () => {
  it('normalises ports, brackets, case and IPv4-mapped IPv6', () => {
    expect(addressKey('203.0.113.7:5123')).toBe('ip:203.0.113.7')
    expect(addressKey('::ffff:127.0.0.1')).toBe('ip:127.0.0.1')
    expect(addressKey('[2001:DB8::1]:443')).toBe('ip6:2001:db8:0:0')
  })

  it('groups IPv6 by /64, so one subscriber cannot take a new id per address', () => {
    expect(addressKey('2001:db8:1:2:aaaa::1')).toBe(addressKey('2001:db8:1:2:bbbb:cccc:dddd:eeee'))
    expect(addressKey('2001:db8:1:2::1')).not.toBe(addressKey('2001:db8:1:3::1'))
    expect(addressKey('::1')).toBe('ip6:0:0:0:0')
  })

  it('refuses what is not an address', () => {
    for (const value of ['', 'localhost', '1.2.3', '1.2.3.4.5', '::g', 'a'.repeat(65), '1.2.3.4/24'])
      expect(addressKey(value)).toBeUndefined()
  })
})

describe('the peer-address stamp on a real socket', () => {
  it('writes the socket address over whatever the client sent under that name', async () => {
    const sentBeforeInstall = new Headers({ [PEER_ADDRESS_HEADER]: '203.0.113.7' })
    installPeerAddressStamp()
    markPeerAddressStampForTests(false)
    // A request that was never stamped (it arrived while the server was starting) carries no peer.
    expect(stampedPeerAddress(sentBeforeInstall)).toBeUndefined()
    const seen: (string | undefined)[] = []
    const server = http.createServer((req, res) => {
      const headers = new Headers()
      for (const [name, value] of Object.entries(req.headers)) if (typeof value === 'string') headers.set(name, value)
      seen.push(stampedPeerAddress(headers))
      res.end()
    })
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
    const { port } = server.address() as AddressInfo
    try {
      await fetch(`http://127.0.0.1:${port}/`, {
        headers: { [PEER_ADDRESS_HEADER]: '203.0.113.7', 'x-forwarded-for': '203.0.113.7' },
      })
      await fetch(`http://127.0.0.1:${port}/`)
    } finally {
      await new Promise<void>((resolve) => server.close(() => resolve()))
    }
    expect(seen.map((v) => addressKey(v))).toEqual(['ip:127.0.0.1', 'ip:127.0.0.1'])
  })
})
