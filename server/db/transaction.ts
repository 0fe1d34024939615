import type { Transaction } from "kysely"
import type { Db } from "./connect"
import type { Database } from "./schema"

export type AfterCommit = (effect: () => void) => void

/**
 * Runs `work` in one transaction; effects registered with `afterCommit` (waking waiters) run only
 * once the data is durable, so nobody is told about a change that then rolls back.
 */
export async function inTransaction<T>(
  db: Db,
  work: (trx: Transaction<Database>, afterCommit: AfterCommit) => Promise<T>
): Promise<T> {
  const effects: Array<() => void> = []
  const result = await db.transaction().execute((trx) => work(trx, (effect) => effects.push(effect)))
  for (const effect of effects) effect()
  return result
}
