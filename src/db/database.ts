import Dexie, { type Table, type Transaction } from "dexie"
import { parentKeys, type Target } from "~src/domain"
import type { CachedProposal, CachedWorkflow, MetaRow, OutboxEntry, SettingsRow } from "./schema"

export const DATABASE_NAME = "signoff"

/**
 * Schema history. Dexie only needs the index list of each version; a version that reshapes data adds
 * an `upgrade`. The proposals/workflows/meta cache can always be rebuilt from the server (reset the
 * cursor), but outbox and settings hold the user's decisions and token and must be carried over.
 */
const VERSIONS: { version: number; stores: Record<string, string | null>; upgrade?: (tx: Transaction) => Promise<void> }[] = [
  {
    version: 1,
    stores: {
      proposals: "id, seq, status, workflowId, targetKey, updatedAt, [target.platform+target.id]",
      outbox: "++id, &idempotencyKey, proposalId, state",
      workflows: "id",
      meta: "key",
      settings: "key"
    }
  },
  {
    // Proposals are found under the entities their target belongs to (target.parents): on a campaign, its emails'.
    version: 2,
    stores: {
      proposals: "id, seq, status, workflowId, targetKey, *parentKeys, updatedAt, [target.platform+target.id]"
    },
    upgrade: async (tx) => {
      await tx
        .table<{ target: Target; parentKeys?: string[] }>("proposals")
        .toCollection()
        .modify((p) => {
          p.parentKeys = parentKeys(p.target)
        })
    }
  }
]

export class SignoffDatabase extends Dexie {
  proposals!: Table<CachedProposal, string>
  outbox!: Table<OutboxEntry, number>
  workflows!: Table<CachedWorkflow, string>
  meta!: Table<MetaRow, string>
  settings!: Table<SettingsRow, string>

  /** `name` is injectable so tests (and two "profiles" in one process) get separate databases. */
  constructor(name = DATABASE_NAME) {
    super(name)
    for (const { version, stores, upgrade } of VERSIONS) {
      const v = this.version(version).stores(stores)
      if (upgrade) v.upgrade(upgrade)
    }
  }
}

/** The schema version the code expects; exported for tests and diagnostics. */
export const SCHEMA_VERSION = VERSIONS[VERSIONS.length - 1].version
