import type { ApiClient } from "~src/api"
import { toCachedProposal, type SignoffDatabase, readMeta } from "~src/db"
import type { Proposal } from "~src/domain"
import { localStateByProposal } from "./local-state"

export interface PullResult {
  pulled: number
  /** Proposals seen for the first time in an incremental sync (not during the initial one), for notifications. */
  arrived: Proposal[]
}

/**
 * Pull `/v1/sync?since=` page by page. Each page and the cursor advance are written in one
 * transaction, so a worker killed between pages resumes from the last page fully written and never
 * skips or half-applies one (a re-pulled page is idempotent: bulkPut by id).
 */
export async function pullDeltas(
  db: SignoffDatabase,
  api: Pick<ApiClient, "sync">,
  { pageSize, onProgress }: { pageSize: number; onProgress?: (pulled: number) => void }
): Promise<PullResult> {
  let cursor = await readMeta(db, "cursor")
  const incremental = cursor > 0
  const arrived: Proposal[] = []
  let pulled = 0
  for (;;) {
    const page = await api.sync(cursor, pageSize)
    pulled += page.items.length
    await db.transaction("rw", db.proposals, db.outbox, db.meta, async () => {
      // The outbox is small; it says which proposals carry local state to keep across the overwrite.
      const local = localStateByProposal(await db.outbox.toArray())
      if (incremental) {
        const known = await db.proposals.bulkGet(page.items.map((p) => p.id))
        page.items.forEach((p, i) => {
          if (!known[i]) arrived.push(p)
        })
      }
      await db.proposals.bulkPut(page.items.map((p) => toCachedProposal(p, local.get(p.id))))
      await db.meta.bulkPut([
        { key: "cursor", value: page.nextSince },
        { key: "progress", value: page.hasMore ? { pulled } : null }
      ])
    })
    cursor = page.nextSince
    onProgress?.(pulled)
    if (!page.hasMore || page.items.length === 0) break
  }
  return { pulled, arrived }
}
