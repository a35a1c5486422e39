// Dev helper (not part of the app): how much of the page React hydrates. Loads the bench view from each server in a
// fresh context with a stub of React DevTools' global hook, and counts the fibers of React's tree at its first
// commit (the hydration), in all and under every host element with a data-testid.
//   node scripts/dev/react-fibers.mjs http://127.0.0.1:3100 [http://127.0.0.1:3102 ...]
import { BENCH_VIEW_PATH, launchBenchBrowser } from '../bench-browser.mjs'

/** Runs in the page before its scripts: React reports every commit to the hook it finds there. */
function hookStub() {
  const size = (fiber) => {
    let n = 1
    const stack = fiber.child ? [fiber.child] : []
    while (stack.length > 0) {
      const f = stack.pop()
      n++
      if (f.sibling) stack.push(f.sibling)
      if (f.child) stack.push(f.child)
    }
    return n
  }
  window.__REACT_DEVTOOLS_GLOBAL_HOOK__ = {
    isDisabled: false,
    supportsFiber: true,
    renderers: new Map(),
    inject: () => 1,
    onScheduleFiberRoot() {},
    onCommitFiberUnmount() {},
    onPostCommitFiberRoot() {},
    onCommitFiberRoot(_id, root) {
      window.__commits = (window.__commits ?? 0) + 1
      if (window.__firstCommit) return
      const parts = { total: size(root.current) }
      const stack = [root.current]
      while (stack.length > 0) {
        const f = stack.pop()
        const id = f.tag === 5 ? f.memoizedProps?.['data-testid'] : undefined
        if (id && !(id in parts)) parts[id] = size(f)
        if (f.sibling) stack.push(f.sibling)
        if (f.child) stack.push(f.child)
      }
      window.__firstCommit = parts
    },
  }
}

const bases = process.argv.slice(2)
if (bases.length === 0) {
  console.error('usage: node scripts/dev/react-fibers.mjs <base URL> [<base URL> ...]')
  process.exit(2)
}
const browser = await launchBenchBrowser()
try {
  for (const base of bases) {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } })
    await context.addInitScript(hookStub)
    const page = await context.newPage()
    await page.goto(`${base}${BENCH_VIEW_PATH}`, { waitUntil: 'load' })
    await page.waitForTimeout(2000)
    const { parts, commits, elements } = await page.evaluate(() => ({
      parts: window.__firstCommit,
      commits: window.__commits,
      elements: document.querySelectorAll('*').length,
    }))
    if (!parts) throw new Error(`${base}: React never committed (is it a production build of the app?)`)
    console.log(`${base}: ${parts.total} fibers at the first of ${commits} commits; ${elements} elements in the page`)
    for (const [id, n] of Object.entries(parts).sort((a, b) => b[1] - a[1])) {
      if (id !== 'total' && n >= 20) console.log(`  ${String(n).padStart(5)}  ${id}`)
    }
    await context.close()
  }
} finally {
  await browser.close()
}
