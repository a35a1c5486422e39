import { describe, expect, it } from 'vitest'
import { negotiateEncoding, parseAcceptEncoding } from '@/lib/http/accept-encoding'

describe('parseAcceptEncoding', () => {
  it('reads codings with their weights, case-insensitively, x-gzip as gzip', () => {
    expect(parseAcceptEncoding('GZIP;Q=0.5, br , x-gzip;q=0.25, *;q=0')).toEqual([
      { coding: 'gzip', q: 0.5 },
      { coding: 'br', q: 1 },
      { coding: 'gzip', q: 0.25 },
      { coding: '*', q: 0 },
    ])
  })

  it('skips malformed entries instead of guessing', () => {
    expect(parseAcceptEncoding('gzip;q=2, br;q=abc, deflate;q=0.1234, , ;q=1, identity;q=1.000, zstd;q=0.')).toEqual([
      { coding: 'identity', q: 1 },
      { coding: 'zstd', q: 0 },
    ])
  })

  it('tells a missing header from an empty one', () => {
    expect(parseAcceptEncoding(null)).toBeUndefined()
    expect(parseAcceptEncoding('')).toEqual([])
  })
})

describe('negotiateEncoding', () => {
  const cases: [string | null, string | undefined][] = [
    // No header: many simple clients send none and cannot read a compressed body.
    [null, 'identity'],
    // Empty: only identity is acceptable.
    ['', 'identity'],
    // What browsers send: br preferred when weighed equally.
    ['gzip, deflate, br, zstd', 'br'],
    ['gzip, deflate', 'gzip'],
    ['deflate', 'identity'],
    // Weights decide before the preference order.
    ['br;q=0.5, gzip', 'gzip'],
    ['gzip;q=0.8, br;q=0.9', 'br'],
    ['identity;q=1, gzip;q=0.5', 'identity'],
    // An implicit identity gets the lowest weight given, so a lone lowered gzip still means gzip.
    ['gzip;q=0.5', 'gzip'],
    // Explicit refusals.
    ['gzip;q=0', 'identity'],
    ['br;q=0, gzip;q=0, identity', 'identity'],
    ['identity;q=0, gzip', 'gzip'],
    ['identity;q=0', undefined],
    ['*;q=0', undefined],
    ['*;q=0, identity', 'identity'],
    ['*;q=0, gzip;q=0.1', 'gzip'],
    // The wildcard covers what is not listed.
    ['*', 'br'],
    ['gzip;q=0, *', 'br'],
    ['br;q=0, *;q=0.5', 'gzip'],
    // A malformed weight is not read as a preference.
    ['br;q=7, gzip', 'gzip'],
  ]
  it.each(cases)('Accept-Encoding %j picks %j', (header, expected) => {
    expect(negotiateEncoding(header)).toBe(expected)
  })

  it('only picks codings that are available', () => {
    expect(negotiateEncoding('br, gzip;q=0.5', ['gzip'])).toBe('gzip')
    expect(negotiateEncoding('br', ['gzip'])).toBe('identity')
    expect(negotiateEncoding('br, identity;q=0', ['gzip'])).toBeUndefined()
  })
})
