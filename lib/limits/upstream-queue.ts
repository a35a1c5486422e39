import { CapacityError } from './errors'

/**
 * The queue in front of the upstream: at most `concurrency` calls run at once, and waiting calls are served
 * round-robin by client, so one client with many cold windows queued waits behind its own requests, not in
 * front of everyone else's. It is per process on purpose: it bounds this process's sockets and memory; what
 * several instances share is the budget (lib/limits/types.ts).
 */
export interface UpstreamQueue {
  /** Runs `fn` when a slot is free and it is `clientId`'s turn; rejects with CapacityError if it waits too long. */
  run<T>(clientId: string, fn: () => Promise<T>, options?: { signal?: AbortSignal }): Promise<T>
  stats(): { active: number; queued: number; clients: number }
}

export interface FairQueueOptions {
  concurrency: number
  /** Longest wait for a slot; beyond it the call fails with CapacityError('queue_timeout'). */
  maxWaitMs: number
  /** Most calls waiting at once, over all clients; beyond it a call fails at once with CapacityError('queue_full'). */
  maxQueued: number
  /** Most calls one client may have waiting; more fail at once, so one client cannot fill the queue. */
  maxQueuedPerClient: number
}

interface Waiting {
  start: () => void
}

export function createFairQueue(options: FairQueueOptions): UpstreamQueue {
  let active = 0
  let queued = 0
  // Map keeps insertion order: the first key is the client whose turn is next; served clients move to the end.
  const waiting = new Map<string, Waiting[]>()
  const retryAfterSeconds = () => Math.max(1, Math.ceil(options.maxWaitMs / 1000))

  function dispatch(): void {
    while (active < options.concurrency) {
      const next = waiting.entries().next()
      if (next.done) return
      const [client, tasks] = next.value
      const task = tasks.shift()
      waiting.delete(client)
      if (tasks.length > 0) waiting.set(client, tasks)
      if (!task) continue
      queued--
      task.start()
    }
  }

  function remove(client: string, task: Waiting): boolean {
    const tasks = waiting.get(client)
    const at = tasks?.indexOf(task) ?? -1
    if (!tasks || at < 0) return false
    tasks.splice(at, 1)
    if (tasks.length === 0) waiting.delete(client)
    queued--
    return true
  }

  return {
    run<T>(clientId: string, fn: () => Promise<T>, { signal }: { signal?: AbortSignal } = {}): Promise<T> {
      if (signal?.aborted) return Promise.reject(signal.reason)
      const own = waiting.get(clientId)?.length ?? 0
      const mustWait = active >= options.concurrency
      if (mustWait && (queued >= options.maxQueued || own >= options.maxQueuedPerClient)) {
        return Promise.reject(new CapacityError('queue_full', retryAfterSeconds()))
      }
      return new Promise<T>((resolve, reject) => {
        let timer: ReturnType<typeof setTimeout> | undefined = undefined
        const onAbort = () => {
          if (remove(clientId, task)) {
            clearTimeout(timer)
            reject(signal?.reason)
          }
        }
        const task: Waiting = {
          start: () => {
            clearTimeout(timer)
            signal?.removeEventListener('abort', onAbort)
            active++
            // The slot is free before the caller hears back, so what it does next sees an honest count.
            const release = () => {
              active--
              dispatch()
            }
            fn().then(
              (value) => {
                release()
                resolve(value)
              },
              (error: unknown) => {
                release()
                reject(error)
              },
            )
          },
        }
        const tasks = waiting.get(clientId)
        if (tasks) tasks.push(task)
        else waiting.set(clientId, [task])
        queued++
        if (active < options.concurrency) {
          dispatch()
          return
        }
        timer = setTimeout(() => {
          if (remove(clientId, task)) {
            signal?.removeEventListener('abort', onAbort)
            reject(new CapacityError('queue_timeout', retryAfterSeconds()))
          }
        }, options.maxWaitMs)
        signal?.addEventListener('abort', onAbort, { once: true })
      })
    },
    stats: () => ({ active, queued, clients: waiting.size }),
  }
}
