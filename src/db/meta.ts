import type { SignoffDatabase } from "./database"
import type { MetaKey, MetaValues } from "./schema"

const DEFAULTS: MetaValues = {
  cursor: 0,
  lastSyncAt: null,
  lastError: null,
  progress: null,
  me: null,
  focusByTab: {},
  remindedProposals: []
}

/** Typed read of one meta value, with its default when never written. */
export async function readMeta<K extends MetaKey>(db: SignoffDatabase, key: K): Promise<MetaValues[K]> {
  const row = await db.meta.get(key)
  return row ? (row.value as MetaValues[K]) : DEFAULTS[key]
}

export async function writeMeta<K extends MetaKey>(db: SignoffDatabase, key: K, value: MetaValues[K]): Promise<void> {
  await db.meta.put({ key, value })
}
