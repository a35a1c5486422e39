/**
 * The reading side of lib/server/defer-scripts.ts, for the tests that must tell the first view's chunks from those
 * loaded on demand: which chunks a page's HTML has the browser run, whether as Next.js' tags or in the loader of a
 * page whose chunks come after the first paint. tests/unit/defer-scripts.test.ts reads the loader's own output
 * with it, so the two cannot drift apart.
 */
const LOADER_LIST = /<script nonce="[^"]*">\(function\(\)\{var s=(\[[^\]]*\])/g

/** The chunks a page's loader (deferLoaderScript) names, in order; none for a page sent as rendered. */
export function deferredChunkSources(html: string): string[] {
  return [...html.matchAll(LOADER_LIST)].flatMap((m) => JSON.parse(m[1] as string) as string[])
}

/** Every chunk a page's HTML has the browser run, in order: its `<script src>` tags, then the loader's list. */
export function pageChunkSources(html: string): string[] {
  return [...[...html.matchAll(/<script src="([^"]+)"/g)].map((m) => m[1] as string), ...deferredChunkSources(html)]
}
