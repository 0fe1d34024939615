import { SqliteAdapter, type Transaction } from "kysely"
import type { Db } from "./connect"
import { GroupCommitter } from "./group-commit"
import type { Database } from "./schema"

export type AfterCommit = (effect: () => void) => void

// One committer per SQLite database handle; Postgres runs concurrent transactions on its pool.
const committers = new WeakMap<Db, GroupCommitter | null>()

/** The group committer of a SQLite handle (server/db/group-commit.ts); null on Postgres. */
export function groupCommitterOf(db: Db): GroupCommitter | null {
  let committer = committers.get(db)
  if (committer === undefined) {
    committer = db.getExecutor().adapter instanceof SqliteAdapter ? new GroupCommitter(db) : null
    committers.set(db, committer)
  }
  return committer
}

/**
 * Runs `work` in one transaction; effects registered with `afterCommit` (waking waiters) run only
 * once the data is durable, so nobody is told about a change that then rolls back. On SQLite,
 * concurrent calls share a commit (each in its own savepoint; server/db/group-commit.ts).
 */
export async function inTransaction<T>(db: Db, work: (trx: Transaction<Database>, afterCommit: AfterCommit) => Promise<T>): Promise<T> {
  const committer = groupCommitterOf(db)
  if (committer) return committer.run(work)
  const effects: Array<() => void> = []
  const result = await db.transaction().execute((trx) => work(trx, (effect) => effects.push(effect)))
  for (const effect of effects) effect()
  return result
}
