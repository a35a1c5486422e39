import { isIP } from 'node:net'
import { stampedPeerAddress } from './peer-address'

/**
 * The id used when the peer address is not known: when the stamp is not installed (a runtime other than
 * `next start` or the standalone server) or for a request that arrived while the server was starting, before
 * it was; never because of anything a client sent. Logged once.
 */
export const UNKNOWN_PEER = 'peer:unknown'

export interface ClientIdentityOptions {
  /**
   * Proxies in front of the server that each append the address they saw to X-Forwarded-For
   * (TRUST_PROXY_HOPS). 0: forwarded headers are ignored and the client is the TCP peer.
   */
  trustProxyHops: number
}

/**
 * One address as a bucket key. IPv4 (and IPv4-mapped IPv6) as is; IPv6 by its /64, because one subscriber is
 * normally given a whole /64 and could otherwise take a new id per request. `undefined` when not an address.
 */
export function addressKey(raw: string | null | undefined): string | undefined {
  if (!raw) return undefined
  let text = raw.trim()
  if (text.length === 0 || text.length > 64) return undefined
  // "[v6]:port" and "v4:port", as some proxies write them.
  const bracketed = /^\[([^\]]+)\](?::\d{1,5})?$/.exec(text)
  if (bracketed?.[1]) text = bracketed[1]
  else if (/^\d{1,3}(\.\d{1,3}){3}:\d{1,5}$/.test(text)) text = text.slice(0, text.lastIndexOf(':'))
  text = text.toLowerCase().replace(/%.*$/, '')
  const mapped = /^::ffff:(\d{1,3}(?:\.\d{1,3}){3})$/.exec(text)
  if (mapped?.[1]) text = mapped[1]
  const version = isIP(text)
  if (version === 4) return `ip:${text}`
  if (version === 6) return `ip6:${ipv6Prefix64(text)}`
  return undefined
}

/** The first four groups of an IPv6 address, expanded ("2001:db8::1" -> "2001:db8:0:0"). */
function ipv6Prefix64(address: string): string {
  // An embedded IPv4 tail ("::1.2.3.4") lies in the last 32 bits, outside the /64.
  const withoutV4 = address.replace(/:\d{1,3}(?:\.\d{1,3}){3}$/, ':0:0')
  const [head = '', tail] = withoutV4.split('::')
  const headGroups = head ? head.split(':') : []
  const tailGroups = tail === undefined ? [] : tail ? tail.split(':') : []
  const missing = Math.max(0, 8 - headGroups.length - tailGroups.length)
  const groups = [...headGroups, ...Array.from({ length: missing }, () => '0'), ...tailGroups]
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ''))
    .join(':')
}

let warnedUnknownPeer = false

/** The TCP peer's address as written by the stamp (lib/limits/peer-address.ts), or undefined. */
function peerKey(headers: Headers): string | undefined {
  return addressKey(stampedPeerAddress(headers))
}

/**
 * Who is asking, for per-client limits. Without trust (the default) it is the TCP peer, and X-Forwarded-For,
 * X-Real-IP and Forwarded are never read: any client can write them. With `trustProxyHops = N` it is the N-th
 * address from the right of X-Forwarded-For, the one the outermost trusted proxy appended; the entries left
 * of it are whatever the client sent and are never used.
 *
 * When that entry is missing (fewer than N entries: the request did not come through the whole chain) or is
 * not an address, the TCP peer is used instead, so a malformed header costs its sender their own allowance,
 * never a bucket shared with others.
 */
export function clientIdentity(headers: Headers, options: ClientIdentityOptions): string {
  const peer = peerKey(headers)
  if (options.trustProxyHops > 0) {
    const entries = (headers.get('x-forwarded-for') ?? '').split(',')
    const trusted =
      entries.length >= options.trustProxyHops ? entries[entries.length - options.trustProxyHops] : undefined
    const forwarded = addressKey(trusted)
    if (forwarded) return forwarded
  }
  if (peer) return peer
  if (!warnedUnknownPeer) {
    warnedUnknownPeer = true
    console.warn('[limits] no peer address on this request (is instrumentation.ts loaded?); clients share one limit')
  }
  return UNKNOWN_PEER
}
