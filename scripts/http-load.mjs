/**
 * A small HTTP load generator for the bench: `connections` keep-alive connections, each sending its next request as
 * soon as the last answer has been read, for `durationMs`. Bodies are counted as the Buffers they arrive in, never
 * turned into strings: autocannon does that and tops out near 77 MB/s on this machine, which hides the
 * difference between a fast compressed answer and a raw one (shared/PERF-NOTES.md). Nothing is decoded either:
 * what is measured is what the server sends.
 */
import http from 'node:http'

function percentile(sorted, p) {
  return sorted.length === 0 ? NaN : sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))]
}

function once(agent, url, headers) {
  return new Promise((resolve, reject) => {
    const started = performance.now()
    const req = http.get(url, { agent, headers }, (res) => {
      let bytes = 0
      res.on('data', (chunk) => (bytes += chunk.length))
      res.on('end', () =>
        resolve({
          ms: performance.now() - started,
          status: res.statusCode,
          bytes,
          coding: res.headers['content-encoding'] ?? 'identity',
        }),
      )
      res.on('error', reject)
    })
    req.on('error', reject)
    req.setTimeout(10_000, () => req.destroy(new Error(`${url}: no answer in 10 s`)))
  })
}

/**
 * Loads `url` and returns { p50, p99, rps, mbPerS, bytes, coding, requests }. Fails when any answer is not a 200
 * or arrives in another coding than the first one (a server that changes its mind mid-run measures nothing).
 */
export async function loadUrl(url, { headers = {}, connections = 10, durationMs = 5_000, warmUp = 20 } = {}) {
  const agent = new http.Agent({ keepAlive: true, maxSockets: connections })
  try {
    let first
    for (let i = 0; i < warmUp; i++) first = await once(agent, url, headers)
    if (!first || first.status !== 200) throw new Error(`${url} answered ${first?.status}`)
    const latencies = []
    let bytes = 0
    const stopAt = performance.now() + durationMs
    const startedAt = performance.now()
    const worker = async () => {
      while (performance.now() < stopAt) {
        const r = await once(agent, url, headers)
        if (r.status !== 200 || r.coding !== first.coding)
          throw new Error(`${url}: ${r.status} in ${r.coding} under load (first: ${first.coding})`)
        latencies.push(r.ms)
        bytes += r.bytes
      }
    }
    await Promise.all(Array.from({ length: connections }, worker))
    const seconds = (performance.now() - startedAt) / 1000
    latencies.sort((a, b) => a - b)
    return {
      p50: percentile(latencies, 0.5),
      p99: percentile(latencies, 0.99),
      rps: latencies.length / seconds,
      mbPerS: bytes / seconds / 1e6,
      bytes: first.bytes,
      coding: first.coding,
      requests: latencies.length,
    }
  } finally {
    agent.destroy()
  }
}
