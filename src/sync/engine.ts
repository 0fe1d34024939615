import type { ApiClient } from "~src/api"
import { isConfigured, readMeta, readSettings, writeMeta, type SignoffDatabase, type StoredSettings } from "~src/db"
import type { Proposal } from "~src/domain"
import type { SyncStatus } from "~src/local/sync-status"
import type { BackoffPolicy } from "./backoff"
import { readAwaitingReview, type AwaitingReview } from "./awaiting-review"
import { currentAccount } from "./current-account"
import { countPendingDecisions } from "./outbox"
import { pullDeltas } from "./pull"
import { pushOutbox, type PushResult } from "./push"
import { describeSyncError } from "./sync-error"

export interface SyncEngineDeps {
  db: SignoffDatabase
  /** Builds a client for the current settings (settings can change between runs). */
  createApi: (settings: StoredSettings & { token: string }) => Pick<ApiClient, "sync" | "decide" | "workflows" | "me">
  now?: () => number
  random?: () => number
  /** navigator.onLine in the worker; always true in node. */
  isOnline?: () => boolean
  pageSize?: number
  backoff?: BackoffPolicy
  /** After every run (badge, notifications, retry alarm); errors in it do not fail the run. */
  onRunFinished?: (result: SyncRunResult) => void | Promise<void>
}

export interface RunOptions {
  /** Retry queued decisions now instead of waiting for their backoff (the user asked, or the network came back). */
  ignoreBackoff?: boolean
}

export interface SyncRunResult {
  ran: boolean
  push: Omit<PushResult, "stoppedBy"> | null
  pulled: number
  /** New proposals seen by an incremental pull (candidates for a notification). */
  arrived: Proposal[]
  error: string | null
  /** The earliest moment a queued decision may be retried, when one is waiting out a backoff. */
  nextRetryAt: number | null
}

export type SyncEngine = ReturnType<typeof createSyncEngine>

export const DEFAULT_PAGE_SIZE = 500

/**
 * The sync engine: push the outbox, then pull deltas, then refresh workflows and who we are. Free of
 * chrome.* so it runs in node tests; all durable state is in Dexie, so a worker killed at any point
 * resumes correctly on its next run. Single-flight: triggers that arrive while a run is going share
 * one follow-up run (so a decision queued mid-run is still pushed promptly).
 */
export function createSyncEngine(deps: SyncEngineDeps) {
  const { db } = deps
  const now = deps.now ?? Date.now
  const random = deps.random ?? Math.random
  const isOnline = deps.isOnline ?? (() => true)
  const pageSize = deps.pageSize ?? DEFAULT_PAGE_SIZE

  let running: Promise<SyncRunResult> | null = null
  let followUp: { promise: Promise<SyncRunResult>; options: RunOptions } | null = null
  let progress: { pulled: number } | null = null
  let lastFinishedAt = 0
  // sync.status is polled by the popup and panel; counting a large queue on every poll is wasteful.
  // Only this worker writes the cache, so the count is recomputed after a write: a page pulled, a
  // run finished, or a local change (noteLocalChange).
  let awaitingMemo: Promise<AwaitingReview> | null = null
  // Bumped on the same writes, for other readers that memoise what they derive from the cache.
  let cacheVersion = 0
  const noteLocalChange = () => {
    awaitingMemo = null
    cacheVersion++
  }

  function run(options: RunOptions = {}): Promise<SyncRunResult> {
    if (!running) {
      running = execute(options).finally(() => {
        running = null
      })
      return running
    }
    if (followUp) {
      followUp.options.ignoreBackoff ||= options.ignoreBackoff
      return followUp.promise
    }
    const queued = { options: { ...options }, promise: null as unknown as Promise<SyncRunResult> }
    queued.promise = running
      .catch(() => undefined)
      .then(() => {
        followUp = null
        return run(queued.options)
      })
    followUp = queued
    return queued.promise
  }

  /** A cheap trigger for page views: skip when a run finished moments ago (SPA navigation fires often). */
  function runIfStale(maxAgeMs: number): Promise<SyncRunResult> | null {
    if (running) return running
    if (now() - lastFinishedAt < maxAgeMs) return null
    return run()
  }

  async function execute(options: RunOptions): Promise<SyncRunResult> {
    const result: SyncRunResult = { ran: false, push: null, pulled: 0, arrived: [], error: null, nextRetryAt: null }
    const settings = await readSettings(db)
    if (!isConfigured(settings)) return result
    result.ran = true
    const api = deps.createApi(settings)
    try {
      // Who this token is, before anything is sent: queued decisions go out only with their own account's token.
      if (!(await readMeta(db, "me"))) await writeMeta(db, "me", await api.me())
      const account = await currentAccount(db)
      if (!account) return result
      const push = await pushOutbox(db, api, { account, now, random, ignoreBackoff: Boolean(options.ignoreBackoff), backoff: deps.backoff })
      result.push = { sent: push.sent, conflicted: push.conflicted, failed: push.failed }
      if (push.stoppedBy) await recordError(push.stoppedBy)

      progress = { pulled: 0 }
      const pull = await pullDeltas(db, api, {
        pageSize,
        onProgress: (pulled) => {
          progress = { pulled }
          noteLocalChange()
        }
      })
      result.pulled = pull.pulled
      result.arrived = pull.arrived
      await writeMeta(db, "lastSyncAt", new Date(now()).toISOString())
      await refreshWorkflows(api)
      // A push that stopped on a server error is still an error to show, even though the pull worked.
      if (!push.stoppedBy) await writeMeta(db, "lastError", null)
      else result.error = describeSyncError(push.stoppedBy).message
    } catch (error) {
      result.error = (await recordError(error)).message
    } finally {
      progress = null
      lastFinishedAt = now()
      noteLocalChange()
    }
    result.nextRetryAt = await nextRetryAt()
    await Promise.resolve(deps.onRunFinished?.(result)).catch((error) => console.warn("signoff: after-sync step failed", error))
    return result
  }

  async function refreshWorkflows(api: Pick<ApiClient, "workflows">): Promise<void> {
    const workflows = await api.workflows()
    await db.transaction("rw", db.workflows, async () => {
      await db.workflows.clear()
      await db.workflows.bulkPut(workflows)
    })
  }

  async function recordError(error: unknown) {
    const described = describeSyncError(error)
    await writeMeta(db, "lastError", { ...described, at: new Date(now()).toISOString() })
    return described
  }

  async function nextRetryAt(): Promise<number | null> {
    const head = await db.outbox.where("state").equals("pending").first()
    return head ? head.nextAttemptAt : null
  }

  async function status(): Promise<SyncStatus> {
    const [settings, lastSyncAt, lastError, me, outboxSize] = await Promise.all([
      readSettings(db),
      readMeta(db, "lastSyncAt"),
      readMeta(db, "lastError"),
      readMeta(db, "me"),
      countPendingDecisions(db)
    ])
    awaitingMemo ??= readAwaitingReview(db, me).catch((error) => {
      awaitingMemo = null
      throw error
    })
    const awaiting = await awaitingMemo
    return {
      configured: isConfigured(settings),
      online: isOnline() && !lastError?.network,
      lastSyncAt,
      outboxSize,
      pendingCount: awaiting.count,
      error: lastError?.message ?? null,
      syncing: running !== null,
      progress: running ? progress : null
    }
  }

  /** Resolves when no run is in progress or queued (tests; shutting down cleanly). */
  async function whenIdle(): Promise<void> {
    while (running || followUp) await (followUp?.promise ?? running)?.catch(() => undefined)
  }

  return { run, runIfStale, status, whenIdle, noteLocalChange, cacheVersion: () => cacheVersion, isSyncing: () => running !== null }
}
