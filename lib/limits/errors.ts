/**
 * This server declined to ask the upstream: its own budget is spent, or the request waited too long in (or
 * found full) the queue in front of the upstream. It says nothing about the upstream's health, so it is never
 * cached as an upstream failure, never retried, and never counted against the upstream.
 */
export type CapacityReason = 'budget' | 'queue_timeout' | 'queue_full'

export class CapacityError extends Error {
  override readonly name = 'CapacityError'
  constructor(
    readonly reason: CapacityReason,
    readonly retryAfterSeconds: number,
  ) {
    super(
      reason === 'budget'
        ? `this server's budget of live requests is used up for now`
        : reason === 'queue_timeout'
          ? 'too many live requests are waiting on the live source right now'
          : 'too many live requests are queued for the live source right now',
    )
  }
}
