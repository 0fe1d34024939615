import type { Transaction } from "kysely"
import type { Database } from "./schema"

export type CounterName = "proposal_seq" | "audit_seq"

/**
 * Next value of a sequence, taken inside the caller's transaction. The UPDATE locks the counter
 * row until commit, so writers are serialized and a reader never sees N+1 committed before N —
 * the sync feed can page by `seq > since` without ever skipping a late commit.
 */
export async function nextCounterValue(trx: Transaction<Database>, name: CounterName): Promise<number> {
  const row = await trx
    .updateTable("counters")
    .set((eb) => ({ value: eb("value", "+", 1) }))
    .where("name", "=", name)
    .returning("value")
    .executeTakeFirstOrThrow()
  return Number(row.value)
}
