import { ApiError, NetworkError, type ApiClient } from "~src/api"
import { putServerCopy, type OutboxEntry, type SignoffDatabase } from "~src/db"
import { sameAccount, type Account } from "~src/domain"
import { backoffDelay, type BackoffPolicy } from "./backoff"
import { describeConflict } from "./conflict-message"
import { refreshLocalState } from "./outbox"

/** Server-side trouble (5xx, 429, unreadable answers) is retried this many times before the decision is marked failed. */
export const MAX_SERVER_ERROR_ATTEMPTS = 8

export interface PushResult {
  sent: number
  conflicted: number
  failed: number
  /** Why pushing stopped early (network down, token refused, server error): the queue keeps its order and waits. */
  stoppedBy: Error | null
}

interface PushOptions {
  /** The account connected now: only its decisions are sent, with its token. */
  account: Account
  now: () => number
  random: () => number
  /** A user-requested sync or coming back online retries at once instead of waiting for the backoff. */
  ignoreBackoff: boolean
  backoff?: BackoffPolicy
}

/**
 * Push this account's queued decisions in the order they were made, each with the idempotency key
 * it got at enqueue time, so a retry after a lost response is answered with the original result
 * instead of a second decision. Another account's decisions are never sent with this account's
 * token: they wait for it (an entry from before accounts were recorded is bound to this one, which
 * is what it would have been sent with). 409 → conflicted (the server's state goes into the cache,
 * the user is told, no retry); other 4xx → failed with the reason; network/5xx → backoff and stop
 * (order matters: an edit before an approve).
 */
export async function pushOutbox(db: SignoffDatabase, api: Pick<ApiClient, "decide">, options: PushOptions): Promise<PushResult> {
  const result: PushResult = { sent: 0, conflicted: 0, failed: 0, stoppedBy: null }
  const queue = await db.outbox.where("state").equals("pending").sortBy("id")
  for (const entry of queue) {
    if (!entry.account) await db.outbox.update(entry.id!, { account: options.account })
    else if (!sameAccount(entry.account, options.account)) continue
    if (!options.ignoreBackoff && entry.nextAttemptAt > options.now()) break
    try {
      const { proposal } = await api.decide(entry.proposalId, entry.body, entry.idempotencyKey)
      await db.transaction("rw", db.outbox, db.proposals, async () => {
        await db.outbox.delete(entry.id!)
        await putServerCopy(db, proposal)
        await refreshLocalState(db, [proposal.id])
      })
      result.sent++
    } catch (error) {
      const outcome = await recordFailure(db, entry, error, options)
      if (outcome === "conflicted") result.conflicted++
      else if (outcome === "failed") result.failed++
      else {
        result.stoppedBy = error instanceof Error ? error : new Error(String(error))
        break
      }
    }
  }
  return result
}

type FailureOutcome = "conflicted" | "failed" | "retry"

async function recordFailure(db: SignoffDatabase, entry: OutboxEntry, error: unknown, options: PushOptions): Promise<FailureOutcome> {
  const now = options.now()
  const at = new Date(now).toISOString()
  const outcome = classify(error, entry.attempts + 1)
  await db.transaction("rw", db.outbox, db.proposals, async () => {
    if (outcome === "conflicted" && error instanceof ApiError) {
      const message = error.proposal ? describeConflict(error.proposal, now) : error.message
      if (error.proposal) await putServerCopy(db, error.proposal)
      await db.outbox.update(entry.id!, { state: "conflicted", lastError: message, attempts: entry.attempts + 1, updatedAt: at })
    } else if (outcome === "failed") {
      await db.outbox.update(entry.id!, { state: "failed", lastError: reasonOf(error), attempts: entry.attempts + 1, updatedAt: at })
    } else {
      const attempts = entry.attempts + 1
      await db.outbox.update(entry.id!, {
        attempts,
        nextAttemptAt: now + backoffDelay(attempts, options.random, options.backoff),
        lastError: reasonOf(error),
        updatedAt: at
      })
    }
    await refreshLocalState(db, [entry.proposalId])
  })
  return outcome
}

function classify(error: unknown, attempts: number): FailureOutcome {
  if (error instanceof NetworkError) return "retry"
  if (error instanceof ApiError) {
    if (error.status === 409) return "conflicted"
    // The token, not the decision, is wrong: keep the decision until the admin fixes the settings.
    if (error.status === 401 || error.status === 403) return "retry"
    if (error.status === 408 || error.status === 429 || error.status >= 500 || error.code === "bad_response")
      return attempts >= MAX_SERVER_ERROR_ATTEMPTS ? "failed" : "retry"
    return "failed"
  }
  return attempts >= MAX_SERVER_ERROR_ATTEMPTS ? "failed" : "retry"
}

function reasonOf(error: unknown): string {
  if (error instanceof ApiError) return `${error.message} (${error.status} ${error.code})`
  return error instanceof Error ? error.message : String(error)
}
