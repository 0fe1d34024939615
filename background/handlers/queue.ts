import type { CachedProposal } from "~src/db"
import type { QueueEntry } from "~src/local/local-proposal"
import { toQueueEntry } from "~src/local/queue-entry"
import { queueHead } from "~src/queue/review-queue"
import type { AreaHandlers, HandlerContext, UiContext } from "./handler-context"

type QueueRow = { entry: QueueEntry; conflicted?: CachedProposal }

/** The popup's queue: pending proposals, and those decided here but refused or not yet sent (shown until dismissed). */
export function queueHandlers({ db, engine, uiContext, forUi }: HandlerContext): AreaHandlers<"proposals.queue" | "proposals.queueHead"> {
  /**
   * The queue rows, memoised until this worker next writes the cache (engine.cacheVersion, bumped
   * wherever sync.status's count is reset). Reading 10,000 whole proposals out of IndexedDB takes
   * ~150 ms in the worker, and a popup open asks twice (head, then the whole queue). Slim entries
   * are kept, not the proposals; conflicted ones keep their proposal so the notice is re-told
   * relative to now on every answer.
   */
  let memo: { version: number; rows: Promise<{ rows: QueueRow[]; ctx: UiContext }> } | null = null

  async function readQueueRows(): Promise<{ rows: QueueRow[]; ctx: UiContext }> {
    const [pending, outbox, ctx] = await Promise.all([db.proposals.where("status").equals("pending").toArray(), db.outbox.toArray(), uiContext()])
    // Decided locally but refused (or not yet sent) proposals stay in the queue so the user sees them.
    const pendingIds = new Set(pending.map((p) => p.id))
    const cached = await db.proposals.bulkGet([...new Set(outbox.map((e) => e.proposalId))])
    const withLocalState = cached.filter((p): p is CachedProposal => Boolean(p && !pendingIds.has(p.id)))
    const proposals = [...pending, ...withLocalState].sort((a, b) => (a.createdAt < b.createdAt ? -1 : a.createdAt > b.createdAt ? 1 : 0))
    const rows: QueueRow[] = proposals.map((p) =>
      p.local?.conflict ? { entry: toQueueEntry(forUi(p, ctx)), conflicted: p } : { entry: toQueueEntry(forUi(p, ctx)) }
    )
    // Decisions another account queued, on proposals this account's cache does not hold (another
    // server, or the cache was cleared when the account changed): shown from their snapshot.
    const listed = new Set(rows.map((r) => r.entry.id))
    for (const e of outbox) {
      const queuedBy = ctx.waitingForOthers.get(e.proposalId)
      if (!queuedBy || !e.snapshot || listed.has(e.proposalId)) continue
      listed.add(e.proposalId)
      rows.push({ entry: { ...e.snapshot, local: { pendingAction: e.body.action, queuedBy } } })
    }
    return { rows, ctx }
  }

  async function readQueue() {
    const version = engine.cacheVersion()
    if (memo?.version !== version) {
      const rows = readQueueRows()
      memo = { version, rows }
      rows.catch(() => {
        if (memo?.rows === rows) memo = null
      })
    }
    const [{ rows, ctx }, workflows, status] = await Promise.all([memo.rows, db.workflows.toArray(), engine.status()])
    return { entries: rows.map(({ entry, conflicted }) => (conflicted ? toQueueEntry(forUi(conflicted, ctx)) : entry)), workflows, status }
  }

  return {
    "proposals.queue": async () => {
      const { entries, workflows, status } = await readQueue()
      return { proposals: entries, workflows, status }
    },
    "proposals.queueHead": async ({ size }) => {
      const { entries, workflows, status } = await readQueue()
      return { ...queueHead(entries, workflows, size), workflows, status }
    }
  }
}
