import { type Transaction, sql } from "kysely"
import type { Database, ProposalsTable } from "../db/schema"
import type { AfterCommit } from "../db/transaction"
import type { ProposalChange, ProposalEvents } from "./events"

/**
 * How a writer announces a proposal change to waiters and live channels: inside its transaction,
 * so the announcement goes out once, and only if, the change commits.
 */
export interface ChangeFeed {
  publish(trx: Transaction<Database>, afterCommit: AfterCommit, change: ProposalChange): Promise<void>
  /** Ready to hear changes (Postgres: listening) before the server serves. */
  start(): Promise<void>
  stop(): Promise<void>
}

/** One process (SQLite, whose file one server owns): the event fires in this process after the commit. */
export function localChangeFeed(events: ProposalEvents): ChangeFeed {
  return {
    async publish(_trx, afterCommit, change) {
      afterCommit(() => events.changed(change))
    },
    async start() {},
    async stop() {}
  }
}

/** The Postgres channel every server on one database listens on. */
export const CHANGES_CHANNEL = "signoff_proposal_changes"

/**
 * NOTIFY inside the writer's transaction: Postgres delivers it to every listening session at
 * commit, and never for a rolled-back transaction (https://www.postgresql.org/docs/15/sql-notify.html).
 * The writer's own process hears it through its listener like the others (server/proposals/postgres-change-listener.ts).
 */
export async function notifyChange(trx: Transaction<Database>, change: ProposalChange): Promise<void> {
  await sql`select pg_notify(${CHANGES_CHANNEL}, ${JSON.stringify(change)})`.execute(trx)
}

/** The change a written proposal row announces. */
export const changeOf = (row: Pick<ProposalsTable, "id" | "seq" | "created_by_principal">): ProposalChange => ({
  id: row.id,
  seq: Number(row.seq),
  createdBy: row.created_by_principal
})
