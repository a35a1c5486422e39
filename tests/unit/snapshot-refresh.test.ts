import { execFile } from 'node:child_process'
import { mkdtempSync, readFileSync, rmSync } from 'node:fs'
import { tmpdir } from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { snapshotFileSchema } from '@/lib/snapshot/format'
import { startMockYahoo, type MockYahooServer } from '../mock-yahoo/server'

const run = promisify(execFile)
let mock: MockYahooServer
const made: string[] = []
function tempDir(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'refresh-'))
  made.push(dir)
  return dir
}

beforeAll(async () => {
  mock = await startMockYahoo({ port: 0 })
})
afterAll(async () => {
  await mock.close()
  for (const dir of made) rmSync(dir, { recursive: true, force: true })
})

/** `npm run snapshot:refresh` for AAPL over a window the recorded payload holds, against the mock upstream. */
function refresh(out: string) {
  const args = [
    'run',
    '-s',
    'snapshot:refresh',
    '--',
    '--symbols',
    'AAPL',
    '--from',
    '2020-08-31',
    '--to',
    '2020-11-06',
  ]
  return run('npm', [...args, '--out', out], { env: { ...process.env, YAHOO_BASE_URL: mock.url } })
}

describe('npm run snapshot:refresh', () => {
  it('pulls from the live provider and writes a snapshot through the import validation', async () => {
    const out = path.join(tempDir(), 'snapshot.json')
    await refresh(out)
    const snapshot = snapshotFileSchema.parse(JSON.parse(readFileSync(out, 'utf8')))
    const aapl = snapshot.series.AAPL
    expect(aapl?.rows).toBe(49)
    expect(aapl?.bars[0]).toEqual([
      '2020-08-31',
      127.58000183105469,
      131,
      126,
      129.0399932861328,
      125.05753326416016,
      225702700,
    ])
    expect(mock.countFor('AAPL')).toBe(1)
  })

  it('leaves the snapshot untouched when the live provider fails', async () => {
    const dir = tempDir()
    const out = path.join(dir, 'snapshot.json')
    mock.setMode('error500')
    const failed = await refresh(out).catch((error: { code: number; stderr: string }) => error)
    mock.setMode('ok')
    expect(failed).toMatchObject({ code: 1 })
    expect((failed as { stderr: string }).stderr).toMatch(/Refresh failed, snapshot unchanged/)
    expect(() => readFileSync(out)).toThrow()
  })
})
