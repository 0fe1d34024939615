import type { Transaction } from "kysely"
import { preparedQuery } from "./prepared"
import type { Database } from "./schema"

export type CounterName = "proposal_seq" | "audit_seq"

const incrementCounter = preparedQuery<{ name: CounterName }, { value: number }>((db, slot) =>
  db
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", slot("name"))
    .returning("value")
)

/**
 * Next value of a sequence, taken inside the caller's transaction. The UPDATE locks the counter
 * row until commit, so writers are serialized and a reader never sees N+1 committed before N —
 * the sync feed can page by `seq > since` without ever skipping a late commit.
 *
 * Lock order: a transaction that takes both takes `proposal_seq` first, then `audit_seq` (every
 * audit append comes after the proposal write it records). The opposite order in one writer
 * deadlocks against another on Postgres (tests/integration/server/lock-order.test.ts).
 */
export async function nextCounterValue(trx: Transaction<Database>, name: CounterName): Promise<number> {
  const { rows } = await incrementCounter(trx, { name })
  if (rows.length === 0) throw new Error(`counter ${name} is missing`)
  return Number(rows[0]!.value)
}
