import type BetterSqlite3 from "better-sqlite3"
import type { SqliteDatabase, SqliteStatement } from "kysely"

/**
 * Kysely's SQLite driver prepares every statement on every query; preparing costs more than
 * running our small indexed queries. Kysely emits the same SQL text for the same query shape,
 * so keeping prepared statements by text makes the hot paths (auth, decide) several times
 * cheaper. Bounded: `IN (?, ?, …)` lists make a few shapes per list length.
 */
export function withStatementCache(database: BetterSqlite3.Database, maxStatements = 500): SqliteDatabase {
  const cache = new Map<string, SqliteStatement>()
  return {
    close: () => {
      cache.clear()
      database.close()
    },
    prepare(sql: string): SqliteStatement {
      const cached = cache.get(sql)
      if (cached) return cached
      const statement = database.prepare(sql) as unknown as SqliteStatement
      if (cache.size >= maxStatements) cache.delete(cache.keys().next().value!)
      cache.set(sql, statement)
      return statement
    }
  }
}
