import { parentKeys, targetKey, type Proposal } from "~src/domain"
import type { LocalProposal } from "~src/local/local-proposal"
import type { SignoffDatabase } from "./database"
import type { CachedProposal } from "./schema"

/** The storage-only lookup keys of a proposal: computed on every write, dropped before it leaves the background. */
export const lookupKeysOf = (p: Pick<Proposal, "target">) => ({ targetKey: targetKey(p.target), parentKeys: parentKeys(p.target) })

export function toCachedProposal(p: Proposal, local?: LocalProposal["local"]): CachedProposal {
  return local ? { ...p, local, ...lookupKeysOf(p) } : { ...p, ...lookupKeysOf(p) }
}

/** Drops the storage-only lookup keys before a proposal leaves the background. */
export function toLocalProposal({ targetKey: _key, parentKeys: _parents, ...p }: CachedProposal): LocalProposal {
  return p
}

/** Forget everything synced from the server (another server or account): the next sync starts over. */
export async function clearSyncedCache(db: SignoffDatabase): Promise<void> {
  await db.transaction("rw", db.proposals, db.workflows, db.meta, async () => {
    await db.proposals.clear()
    await db.workflows.clear()
    await db.meta.bulkDelete(["cursor", "lastSyncAt", "lastError", "progress", "me"])
  })
}

/**
 * Write a server copy unless the cache already holds a newer one (a decision's answer can be older
 * than what a pull brought in meanwhile). Local state is re-derived by the caller.
 */
export async function putServerCopy(db: SignoffDatabase, p: Proposal): Promise<void> {
  const cached = await db.proposals.get(p.id)
  if (cached && cached.seq > p.seq) return
  await db.proposals.put(toCachedProposal(p, cached?.local))
}
