import { gunzipSync, gzipSync } from 'node:zlib'
import { describe, expect, it } from 'vitest'
import { MAX_SPLICE_BYTES, spliceable, splicedGzip, splicedIdentity } from '@/lib/http/gzip-splice'

// Synthetic texts (a seeded generator): the property under test is byte-exact round trips, not any real page.
function random(seed: number) {
  let s = seed >>> 0
  return () => {
    s = (s * 1664525 + 1013904223) >>> 0
    return s / 2 ** 32
  }
}

function syntheticText(next: () => number, length: number): Buffer {
  // Repetitive markup-like text with some multi-byte characters, so deflate has back references to make.
  const words = ['<script nonce="', '">', 'class="flex gap-2"', '−17%', 'NVDA', '\u2019', '{"a":[1,2,3]}', ' ']
  let out = ''
  while (out.length < length) out += words[Math.floor(next() * words.length)]
  return Buffer.from(out)
}

function cut(next: () => number, text: Buffer, count: number): Buffer[] {
  const points = Array.from({ length: count }, () => Math.floor(next() * (text.byteLength + 1))).sort((a, b) => a - b)
  const pieces: Buffer[] = []
  let from = 0
  for (const p of points) {
    pieces.push(text.subarray(from, p))
    from = p
  }
  pieces.push(text.subarray(from))
  return pieces
}

const joined = (pieces: Buffer[], value: Buffer) =>
  Buffer.concat(pieces.flatMap((p, i) => (i === 0 ? [p] : [value, p])))

describe('splicedGzip', () => {
  it('decodes to the pieces with the value between each two, for any cut and any value', () => {
    const next = random(14)
    for (let round = 0; round < 60; round++) {
      const text = syntheticText(next, Math.floor(next() * 200_000))
      const pieces = cut(next, text, Math.floor(next() * 40))
      const spliced = spliceable(pieces, 1 + Math.floor(next() * 9))
      for (const value of [Buffer.alloc(0), Buffer.from('AAAAAAAAAAAAAAAAAAAAAA=='), syntheticText(next, 300)]) {
        const body = splicedGzip(spliced, value)
        // gunzip checks the trailer's CRC-32 and length: a wrong one throws.
        expect(gunzipSync(body).equals(joined(pieces, value))).toBe(true)
        expect(splicedIdentity(spliced, value).equals(joined(pieces, value))).toBe(true)
      }
    }
  })

  it('gives each response its own value while the pieces stay compressed once', () => {
    const next = random(7)
    const pieces = cut(next, syntheticText(next, 400_000), 28)
    const spliced = spliceable(pieces)
    const one = gunzipSync(splicedGzip(spliced, Buffer.from('one-nonce-value-one-nonc')))
    const two = gunzipSync(splicedGzip(spliced, Buffer.from('two-nonce-value-two-nonc')))
    expect(one.indexOf('two-nonce')).toBe(-1)
    expect(two.indexOf('one-nonce')).toBe(-1)
    expect(two.toString().split('two-nonce-value-two-nonc')).toHaveLength(pieces.length)
    // Each full flush forgets the window, which costs some ratio: on this very repetitive text a few percent; on the
    // dashboard's page, 116 KB against 114 KB for gzip -6 of the whole (docs/performance.md, the ninth pass).
    const whole = gzipSync(one).byteLength
    expect(splicedGzip(spliced, Buffer.from('one-nonce-value-one-nonc')).byteLength).toBeLessThan(whole * 1.25)
  })

  it('holds edge cases: one piece, empty pieces, a value at the stored-block limit; refuses a longer value', () => {
    const single = spliceable([Buffer.from('just one piece')])
    expect(gunzipSync(splicedGzip(single, Buffer.from('unused'))).toString()).toBe('just one piece')
    const empties = spliceable([Buffer.alloc(0), Buffer.alloc(0), Buffer.from('x'), Buffer.alloc(0)])
    expect(gunzipSync(splicedGzip(empties, Buffer.from('N'))).toString()).toBe('NNxN')
    const big = Buffer.alloc(MAX_SPLICE_BYTES, 0x61)
    expect(gunzipSync(splicedGzip(spliceable([Buffer.from('a'), Buffer.from('b')]), big)).byteLength).toBe(
      MAX_SPLICE_BYTES + 2,
    )
    expect(() => splicedGzip(single, Buffer.alloc(MAX_SPLICE_BYTES + 1))).toThrow(/at most 65535 bytes/)
    expect(() => spliceable([])).toThrow(/at least one piece/)
  })
})
