// Dev helper (not part of the app): where a fresh load's main-thread time goes, by function. Samples the renderer's
// CPU (every 0.1 ms) over the load and 2.5 s after it, in fresh contexts, and maps every frame of the page's chunks
// back to its source file and function through the build's source maps, so the app's own code, React's and the
// framework's can be told apart. Needs a build with the maps (next.config.js):
//   BROWSER_SOURCE_MAPS=1 NEXT_DIST_DIR=.next-prof npx next build
//   NEXT_DIST_DIR=.next-prof PRICE_PROVIDER=snapshot PAGE_REQUESTS_PER_MINUTE=1000000 \
//     API_REQUESTS_PER_MINUTE=1000000 npx next start -p 3104
//   node scripts/dev/cpu-profile.mjs http://127.0.0.1:3104 --dist .next-prof [--runs 3] [--throttle 1]
// Prints ms per load (the mean over the runs): a summary line, self time by source file, and the app's functions
// by self and by total time; FILE_FUNCTIONS=<text> adds the functions of the files whose name holds that text (as
// FILE_FUNCTIONS=build-base showed Turbopack's instantiateModule). Without maps every chunk counts as its file name.
import fs from 'node:fs'
import path from 'node:path'
import { SourceMapConsumer } from 'source-map-js'
import { BENCH_VIEW_PATH, launchBenchBrowser } from '../bench-browser.mjs'

const [, , base, ...rest] = process.argv
if (!base) {
  console.error('usage: node scripts/dev/cpu-profile.mjs <base URL> [--dist .next] [--runs 3] [--throttle 1]')
  process.exit(2)
}
const option = (name, fallback) => {
  const i = rest.indexOf(`--${name}`)
  return i >= 0 ? (rest[i + 1] ?? fallback) : fallback
}
const dist = option('dist', '.next')
const runs = Number(option('runs', 3))
const throttle = Number(option('throttle', 1))

const consumers = new Map()
/** The source map of a chunk of the build, if it has one (the chunk's last line names it). */
function consumerOf(url) {
  const file = url.split('/').pop().split('?')[0]
  if (!consumers.has(file)) {
    const chunk = path.join(dist, 'static', 'chunks', file)
    const named = fs.existsSync(chunk) ? /sourceMappingURL=(\S+)\s*$/.exec(fs.readFileSync(chunk, 'utf8')) : null
    const map = named ? path.join(dist, 'static', 'chunks', named[1]) : ''
    consumers.set(
      file,
      map && fs.existsSync(map) ? new SourceMapConsumer(JSON.parse(fs.readFileSync(map, 'utf8'))) : null,
    )
  }
  return consumers.get(file)
}

const places = new Map()
/** Source file and function of a profile frame: `(native)` names for the engine's own entries. */
function placeOf(frame) {
  const key = `${frame.url}:${frame.lineNumber}:${frame.columnNumber}:${frame.functionName}`
  if (!places.has(key)) {
    let file = frame.url ? frame.url.split('/').pop() : `(${frame.functionName || 'native'})`
    let fn = frame.functionName || '(anonymous)'
    const consumer = frame.url.includes('/_next/') ? consumerOf(frame.url) : null
    const original = consumer?.originalPositionFor({ line: frame.lineNumber + 1, column: frame.columnNumber })
    if (original?.source) {
      file = original.source.replace(/^.*?(node_modules\/|\[project\]\/)/, '').replace(/\?.*$/, '')
      fn = `${original.name ?? fn} (line ${original.line})`
    }
    places.set(key, { file, fn: `${file} ${fn}` })
  }
  return places.get(key)
}

const add = (map, key, ms) => map.set(key, (map.get(key) ?? 0) + ms)
const selfByFile = new Map()
const selfByFn = new Map()
const totalByFn = new Map()
const browser = await launchBenchBrowser()
try {
  for (let run = 0; run < runs; run++) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    const page = await context.newPage()
    const cdp = await context.newCDPSession(page)
    await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle })
    await cdp.send('Profiler.enable')
    await cdp.send('Profiler.setSamplingInterval', { interval: 100 })
    await cdp.send('Profiler.start')
    await page.goto(`${base}${BENCH_VIEW_PATH}`, { waitUntil: 'load' })
    await page.waitForTimeout(2500 * throttle)
    const { profile } = await cdp.send('Profiler.stop')
    await context.close()
    const nodes = new Map(profile.nodes.map((n) => [n.id, n]))
    const parent = new Map()
    for (const n of profile.nodes) for (const child of n.children ?? []) parent.set(child, n.id)
    for (let i = 0; i < profile.samples.length; i++) {
      // A sample stands for the time until the next one.
      const ms = (profile.timeDeltas[i + 1] ?? 0) / 1000 / runs
      const leaf = nodes.get(profile.samples[i])
      const place = placeOf(leaf.callFrame)
      add(selfByFile, place.file, ms)
      add(selfByFn, place.fn, ms)
      const seen = new Set()
      for (let id = leaf.id; id !== undefined; id = parent.get(id)) {
        const { fn } = placeOf(nodes.get(id).callFrame)
        if (!seen.has(fn)) add(totalByFn, fn, ms)
        seen.add(fn)
      }
    }
  }
} finally {
  await browser.close()
}

const APP = /^(app|components|lib)\//
const sum = (test) => [...selfByFile].filter(([file]) => test(file)).reduce((s, [, ms]) => s + ms, 0)
const top = (map, n, test = () => true) =>
  [...map]
    .filter(([key]) => test(key))
    .sort((a, b) => b[1] - a[1])
    .slice(0, n)
    .map(([key, ms]) => `${ms.toFixed(1).padStart(8)}  ${key}`)
    .join('\n')
console.log(
  `${base}, ${runs} loads at ${throttle}x, ms per load: the app's code ${sum((f) => APP.test(f)).toFixed(1)}, ` +
    `React DOM ${sum((f) => f.includes('react-dom')).toFixed(1)}, engine and rendering (program) ` +
    `${sum((f) => f === '((program))').toFixed(1)}, GC ${sum((f) => f.includes('garbage')).toFixed(1)}, ` +
    `busy in all ${sum((f) => f !== '((idle))').toFixed(1)}`,
)
console.log(`\nself time by source file\n${top(selfByFile, 20)}`)
console.log(`\nthe app's functions, self time\n${top(selfByFn, 25, (k) => APP.test(k))}`)
console.log(`\nthe app's functions, total time\n${top(totalByFn, 25, (k) => APP.test(k))}`)
if (process.env.FILE_FUNCTIONS)
  console.log(
    `\nfunctions of files matching ${process.env.FILE_FUNCTIONS}, self time\n${top(selfByFn, 25, (k) => k.includes(process.env.FILE_FUNCTIONS))}`,
  )
