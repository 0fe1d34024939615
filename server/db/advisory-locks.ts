import { sql } from "kysely"
import pg from "pg"
import type { Db } from "./connect"

/**
 * Postgres advisory locks that keep several servers on one database out of each other's way.
 * Keys are arbitrary fixed numbers, the same in every server.
 */
export const ADVISORY_LOCKS = {
  /** Migrations and the audit key check at start: two servers starting together take turns. */
  startup: 5_167_001,
  /** The periodic expiry sweep: one server at a time sweeps. */
  expirySweep: 5_167_002
} as const

/**
 * Runs `work` holding the startup lock, on a connection of its own (the work opens its own pool).
 * Kysely's migrator locks only its migration step; creating its bookkeeping tables and checking
 * the audit key happen outside that lock, and two servers doing them at once collide.
 */
export async function withStartupLock<T>(url: string, work: () => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url })
  await client.connect()
  try {
    await client.query("select pg_advisory_lock($1)", [ADVISORY_LOCKS.startup])
    return await work()
  } finally {
    // Ending the session releases the lock whatever happened.
    await client.end().catch(() => undefined)
  }
}

/**
 * Runs `work` only if no other server holds `key` (held for the work's duration on one pinned
 * connection of the pool); `undefined` when another server has it.
 */
export async function ifLockFree<T>(db: Db, key: number, work: () => Promise<T>): Promise<T | undefined> {
  return db.connection().execute(async (connection) => {
    const { rows } = await sql<{ locked: boolean }>`select pg_try_advisory_lock(${key}) as locked`.execute(connection)
    if (!rows[0]?.locked) return undefined
    try {
      return await work()
    } finally {
      await sql`select pg_advisory_unlock(${key})`.execute(connection)
    }
  })
}
