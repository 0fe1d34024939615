import { mkdtempSync, rmSync } from "node:fs"
import { tmpdir } from "node:os"
import { join } from "node:path"
import Database from "better-sqlite3"
import pg from "pg"
import type { Role } from "~src/domain"
import { isPostgresUrl } from "~server/db/connect"
import { type StartOptions, type TokenOptions, startServer } from "~server/start"

export interface TestServer {
  url: string
  /** Where the data lives: the SQLite file, or the postgres:// URL of this server's own database. */
  dbPath: string
  /**
   * Issues a token for a new principal with `role` (name defaults to e.g. "reviewer-3"). With
   * `options.principalId`, another token for that principal instead (one person, two tokens).
   */
  token(role: Role, name?: string, options?: TokenOptions): Promise<string>
  /** As `token`, with the ids of the token and its principal. */
  tokenWithIds(role: Role, name?: string, options?: TokenOptions): Promise<{ token: string; tokenId: string; principalId: string }>
  /** Another token for an existing principal (its role and name). */
  tokenFor(principalId: string, options?: Omit<TokenOptions, "principalId">): Promise<string>
  /** Where this server's audit key files are (beside the SQLite file, or a temporary directory for Postgres). */
  keyDir: string
  /**
   * Runs raw SQL on the server's database behind its back — to assert "nothing was written" or to
   * tamper with the audit log. `?` placeholders work on both SQLite and Postgres.
   */
  sql(query: string, params?: unknown[]): Promise<Array<Record<string, unknown>>>
  /**
   * Stops this server (its database kept) and starts a new one on the same data and port, as a
   * process restart would; close the returned server, not this one, when done.
   */
  restart(opts?: ServerOptions): Promise<TestServer>
  close(): Promise<void>
}

type ServerOptions = Pick<StartOptions, "now" | "expirySweepMs" | "webhooks" | "limits" | "keys" | "live">

let tokenCounter = 0

/**
 * The real server, in-process on 127.0.0.1 with a free port, on a temporary SQLite file that is
 * deleted on close (unless `dbPath` was given, so a test can reopen the same database).
 *
 * With `SIGNOFF_TEST_DB=postgres://user@host:port/db` in the environment, each server instead
 * gets a fresh Postgres database (created next to `db`, dropped on close), so the same suite
 * runs on both engines.
 */
export async function startTestServer(
  opts: {
    dbPath?: string
    /**
     * Runs on the (empty) database before the server opens it: to build one as an older version
     * left it, or to seed it (with `keyDir`, where the server will find its audit keys).
     */
    prepare?: (location: string, keyDir: string) => Promise<void>
  } & ServerOptions = {}
): Promise<TestServer> {
  const postgresBase = process.env.SIGNOFF_TEST_DB
  const storage = opts.dbPath
    ? sqliteStorage(opts.dbPath, false)
    : postgresBase && isPostgresUrl(postgresBase)
      ? await postgresStorage(postgresBase)
      : sqliteStorage(join(mkdtempSync(join(tmpdir(), "signoff-test-")), "signoff.sqlite"), true)
  await opts.prepare?.(storage.location, storage.keyDir)
  return launch(storage, opts)
}

async function launch(storage: Storage, opts: ServerOptions, port = 0): Promise<TestServer> {
  const keys = { keyDir: storage.keyDir, ...opts.keys }
  const server = await startServer({
    port,
    host: "127.0.0.1",
    db: storage.location,
    keys,
    ...(opts.now ? { now: opts.now } : {}),
    ...(opts.expirySweepMs ? { expirySweepMs: opts.expirySweepMs } : {}),
    ...(opts.webhooks !== undefined ? { webhooks: opts.webhooks } : {}),
    ...(opts.limits ? { limits: opts.limits } : {}),
    ...(opts.live ? { live: opts.live } : {})
  })
  const withIds = (role: Role, name?: string, options?: TokenOptions) => server.createTokenWithIds(role, name ?? `${role}-${++tokenCounter}`, options)
  return {
    url: server.url,
    dbPath: storage.location,
    keyDir: storage.keyDir,
    token: async (role, name, options) => (await withIds(role, name, options)).token,
    tokenWithIds: withIds,
    tokenFor: async (principalId, options = {}) => {
      const [principal] = await storage.sql("SELECT role, name FROM principals WHERE id = ?", [principalId])
      if (!principal) throw new Error(`no principal ${principalId}`)
      return (await withIds(principal.role as Role, `${principal.name as string} (another token)`, { ...options, principalId })).token
    },
    sql: storage.sql,
    // On the same port: to its clients (an extension's settings, a queued decision's account) it is the same server.
    restart: async (next = opts) => {
      await server.close()
      return launch(storage, next, Number(new URL(server.url).port))
    },
    close: async () => {
      await server.close()
      await storage.dispose()
    }
  }
}

interface Storage {
  location: string
  keyDir: string
  sql: TestServer["sql"]
  dispose(): Promise<void>
}

function sqliteStorage(path: string, temporary: boolean): Storage {
  return {
    location: path,
    keyDir: join(path, ".."),
    sql: async (query, params = []) => {
      const db = new Database(path)
      try {
        const statement = db.prepare(query)
        if (statement.reader) return statement.all(...params) as Array<Record<string, unknown>>
        statement.run(...params)
        return []
      } finally {
        db.close()
      }
    },
    dispose: async () => {
      if (temporary) rmSync(join(path, ".."), { recursive: true, force: true })
    }
  }
}

async function postgresStorage(baseUrl: string): Promise<Storage> {
  const name = `signoff_test_${Date.now().toString(36)}_${Math.random().toString(36).slice(2, 8)}`
  const admin = new pg.Client({ connectionString: baseUrl })
  await admin.connect()
  await admin.query(`CREATE DATABASE ${name}`)
  await admin.end()
  const url = new URL(baseUrl)
  url.pathname = `/${name}`
  const location = url.toString()
  const keyDir = mkdtempSync(join(tmpdir(), "signoff-test-keys-"))
  let connection: Promise<pg.Client> | undefined
  return {
    location,
    keyDir,
    sql: async (query, params = []) => {
      // One connection for the server's lifetime: property tests query after every request.
      connection ??= (async () => {
        const client = new pg.Client({ connectionString: location, types: { getTypeParser: numbersAsNumbers } })
        await client.connect()
        return client
      })()
      let n = 0
      const result = await (
        await connection
      ).query(
        query.replace(/\?/g, () => `$${++n}`),
        params
      )
      return result.rows as Array<Record<string, unknown>>
    },
    dispose: async () => {
      await (await connection)?.end()
      const client = new pg.Client({ connectionString: baseUrl })
      await client.connect()
      await client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)
      await client.end()
      rmSync(keyDir, { recursive: true, force: true })
    }
  }
}

/** COUNT(*) (int8) and SUM() (numeric) arrive as strings by default; tests compare numbers. */
const numbersAsNumbers = ((oid: number, format?: "text" | "binary") =>
  oid === pg.types.builtins.INT8 || oid === pg.types.builtins.NUMERIC
    ? (value: string) => Number(value)
    : pg.types.getTypeParser(oid, format ?? "text")) as typeof pg.types.getTypeParser
