import { mkdirSync } from "node:fs"
import { dirname } from "node:path"
import SQLite from "better-sqlite3"
import { Kysely, PostgresDialect, SqliteDialect } from "kysely"
import pg from "pg"
import { BACKSTOP_CHECKPOINT_PAGES, startCheckpointer } from "./checkpointer"
import { migrateToLatest } from "./migrations"
import { withStatementCache } from "./statement-cache"
import type { Database } from "./schema"

export type Db = Kysely<Database>

export const isPostgresUrl = (location: string): boolean => /^postgres(ql)?:\/\//.test(location)

/** Connects to the database named by `location` (a SQLite path or a postgres:// URL), as it is. */
export function connectDatabase(location: string): Db {
  return new Kysely<Database>({ dialect: isPostgresUrl(location) ? postgresDialect(location) : sqliteDialect(location) })
}

/** Opens the database named by `location` and migrates it. */
export async function openDatabase(location: string): Promise<Db> {
  const db = connectDatabase(location)
  try {
    await migrateToLatest(db)
  } catch (error) {
    await db.destroy()
    throw error
  }
  return db
}

function sqliteDialect(path: string): SqliteDialect {
  if (path !== ":memory:") mkdirSync(dirname(path), { recursive: true })
  const database = new SQLite(path)
  // WAL lets readers (sync, wait) proceed while a writer commits; foreign keys are off by default in SQLite.
  database.pragma("journal_mode = WAL")
  database.pragma("foreign_keys = ON")
  database.pragma("busy_timeout = 5000")
  // WAL + NORMAL: a commit survives a crash of the process; only an OS crash or power loss can
  // lose the last commits (never corrupt the file). FULL would fsync every decision.
  database.pragma("synchronous = NORMAL")
  const statements = withStatementCache(database)
  if (path === ":memory:") return new SqliteDialect({ database: statements })
  database.pragma(`wal_autocheckpoint = ${BACKSTOP_CHECKPOINT_PAGES}`)
  const checkpointer = startCheckpointer(path)
  return new SqliteDialect({
    database: {
      prepare: statements.prepare,
      close: () => {
        checkpointer.stop()
        statements.close()
      }
    }
  })
}

function postgresDialect(url: string): PostgresDialect {
  // int8 (count(*), sums) arrives as a string by default; our counts fit in a JS number.
  pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number.parseInt(value, 10))
  const pool = new pg.Pool({ connectionString: url, max: 10 })
  // An idle connection the server drops (a restart, a failover, pg_terminate_backend) is an
  // 'error' on the pool, which would crash the process with no listener: the pool discards that
  // client and the next query opens a new connection.
  pool.on("error", (error) => console.error(`signoff: an idle Postgres connection was closed (${error.message}); the next query reconnects`))
  return new PostgresDialect({ pool })
}
