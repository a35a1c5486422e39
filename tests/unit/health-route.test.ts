import { afterEach, describe, expect, it, vi } from 'vitest'
import { GET } from '@/app/api/health/route'
import { resetEnvForTests } from '@/lib/server/env'
import { resetLimitsStoreForTests } from '@/lib/limits'
import { resetSharedStoreForTests } from '@/lib/store'
import { freePort } from '../support/redis-server'

const saved = process.env.REDIS_URL

afterEach(async () => {
  if (saved === undefined) delete process.env.REDIS_URL
  else process.env.REDIS_URL = saved
  resetEnvForTests()
  resetLimitsStoreForTests()
  await resetSharedStoreForTests()
  vi.restoreAllMocks()
})

interface Health {
  status: string
  ready: boolean
  live: boolean
  snapshot: { loaded: boolean; symbols?: number }
  store: { kind: string; reachable: boolean; degradedReason?: string }
  upstreamBudget: { remaining: number; limit: number }
}

const get = async (query = '') => {
  const res = await GET(new Request(`http://localhost/api/health${query}`))
  return { res, body: (await res.json()) as Health }
}

describe('GET /api/health', () => {
  it('is ready on the in-memory store when REDIS_URL is unset', async () => {
    delete process.env.REDIS_URL
    resetEnvForTests()
    const { res, body } = await get()
    expect(res.status).toBe(200)
    expect(res.headers.get('cache-control')).toBe('no-store')
    expect(body).toMatchObject({ status: 'ok', ready: true, live: true, store: { kind: 'memory', reachable: true } })
    expect(body.snapshot.loaded).toBe(true)
    expect(body.snapshot.symbols).toBeGreaterThan(10)
    expect(body.upstreamBudget.limit).toBeGreaterThan(0)
    expect(body.upstreamBudget.remaining).toBe(body.upstreamBudget.limit)
  })

  it('stays ready but says degraded, with the reason, when Redis is configured and unreachable', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    process.env.REDIS_URL = `redis://127.0.0.1:${await freePort()}`
    resetEnvForTests()
    const { res, body } = await get()
    expect(res.status).toBe(200)
    expect(body.status).toBe('degraded')
    expect(body.ready).toBe(true)
    expect(body.store.kind).toBe('redis')
    expect(body.store.reachable).toBe(false)
    expect(body.store.degradedReason).toBeTruthy()
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/Redis unavailable/))
  })

  it('answers liveness alone with ?probe=live', async () => {
    const { res, body } = await get('?probe=live')
    expect(res.status).toBe(200)
    expect(body).toEqual({ live: true })
  })
})
