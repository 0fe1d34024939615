import type { Server } from "node:http"
import { serve } from "@hono/node-server"
import type { OpenAPIHono } from "@hono/zod-openapi"
import type { Role, WorkflowScope } from "~src/domain"
import { createApp } from "./app"
import type { AppEnv, Services } from "./app-env"
import { type AuditKeys, type KeySources, loadAuditKeys } from "./audit/keys"
import { prepareAuditChain } from "./audit/rekey"
import { issueTokenFor } from "./auth/tokens"
import { ADVISORY_LOCKS, ifLockFree, withStartupLock } from "./db/advisory-locks"
import { type Db, isPostgresUrl, openDatabase } from "./db/connect"
import { inTransaction } from "./db/transaction"
import { DEFAULT_RATE_LIMITS, RateLimiter, type RateLimits } from "./http/rate-limit"
import { expireDue } from "./proposals/expiry"
import { ProposalEvents } from "./proposals/events"
import { localChangeFeed } from "./proposals/change-feed"
import { postgresChangeFeed } from "./proposals/postgres-change-listener"
import { type LiveChannelOptions, attachLiveChannel } from "./live/live-channel"
import { WebhookDispatcher, type WebhookDispatchOptions } from "./webhooks/dispatcher"

export const DEFAULT_DB_PATH = "./data/signoff.sqlite"

export interface StartOptions {
  /** 0 picks a free port. Default 8787. */
  port?: number
  /** Default 127.0.0.1. */
  host?: string
  /** A SQLite file path or a postgres:// URL. Default ./data/signoff.sqlite. */
  db?: string
  /** The server's clock (tests move it to reach expiry without sleeping). */
  now?: () => Date
  /** How often pending proposals past their expiry are swept. Default 30 s. */
  expirySweepMs?: number
  /** Webhook delivery: tests shorten the retry schedule and the poll; `false` leaves deliveries unsent. */
  webhooks?: Partial<WebhookDispatchOptions> | false
  /** Adds routes to the app before it listens (the benchmark's empty baseline route). */
  extendApp?: (app: OpenAPIHono<AppEnv>) => void
  /** Where the audit keys come from (server/audit/keys.ts); default: key files beside the database. */
  keys?: KeySources
  /** Per-token limits on writes and waits; default DEFAULT_RATE_LIMITS. */
  limits?: Partial<RateLimits>
  /** The live channel's deadlines and heartbeat (server/live/live-channel.ts). */
  live?: Partial<LiveChannelOptions>
}

export interface TokenOptions {
  /** Add the token to this principal instead of creating a new one (role and name then come from it). */
  principalId?: string
  workflows?: WorkflowScope
  expiresAt?: Date
}

export interface RunningServer {
  url: string
  close(): Promise<void>
  /** A token for a new principal named `name` (or for `options.principalId`): the CLI's `token create`. */
  createToken(role: Role, name: string, options?: TokenOptions): Promise<string>
  /** The same, with the ids of the principal and the token. */
  createTokenWithIds(role: Role, name: string, options?: TokenOptions): Promise<{ token: string; tokenId: string; principalId: string }>
}

/** The actor of audit entries made from the command line (or the server's own test hooks). */
export const CLI_ACTOR = { name: "cli", role: "admin" } as const

/**
 * Opens (and migrates) the database and loads the audit keys held outside it, re-keying an
 * upgraded database's audit chain (server/audit/rekey.ts). The server and the CLI both start here.
 */
export async function openServerData(location: string, keySources: KeySources = {}, now = new Date()): Promise<{ db: Db; keys: AuditKeys }> {
  const keys = loadAuditKeys(location, keySources)
  const open = async () => {
    const db = await openDatabase(location)
    try {
      await prepareAuditChain(db, keys, now)
    } catch (error) {
      await db.destroy()
      throw error
    }
    return db
  }
  // Several servers (or a server and the CLI) starting at once on one Postgres database take turns.
  const db = isPostgresUrl(location) ? await withStartupLock(location, open) : await open()
  return { db, keys }
}

/** A token for a new principal, or for an existing one: what `token create` does. */
export async function createTokenInDatabase(
  data: { db: Db; keys: AuditKeys },
  role: Role,
  name: string,
  options: TokenOptions,
  now: Date
): Promise<{ token: string; tokenId: string; principalId: string }> {
  const who = options.principalId !== undefined ? { principalId: options.principalId } : { principal: { name, role } }
  const created = await inTransaction(data.db, async (trx) => {
    const request = { name: options.principalId !== undefined ? name : undefined, workflows: options.workflows, expiresAt: options.expiresAt }
    const issued = await issueTokenFor(trx, data.keys.chain, CLI_ACTOR, who, request, now)
    // Thrown inside the transaction: a token asked for the wrong role is never committed.
    if (issued.principal.role !== role) throw new Error(`principal ${issued.principal.id} is ${issued.principal.role}, not ${role}`)
    return issued
  })
  return { token: created.token, tokenId: created.info.id, principalId: created.principal.id }
}

/** Opens (and migrates) the database, then listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const now = options.now ?? (() => new Date())
  const location = options.db ?? DEFAULT_DB_PATH
  const postgres = isPostgresUrl(location)
  const { db, keys } = await openServerData(location, options.keys, now())
  const events = new ProposalEvents()
  const changes = postgres ? postgresChangeFeed(location, events) : localChangeFeed(events)
  try {
    // Listening before serving: no change committed by another server after this is missed.
    await changes.start()
  } catch (error) {
    await db.destroy()
    throw error
  }
  const services: Services = {
    db,
    keys,
    events,
    changes,
    limiter: new RateLimiter({ ...DEFAULT_RATE_LIMITS, ...options.limits }),
    now
  }
  const app = createApp(services)
  options.extendApp?.(app)
  const host = options.host ?? "127.0.0.1"

  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info) => resolve({ server, port: info.port })) as Server
    server.once("error", reject)
  })

  const live = attachLiveChannel(server, services, options.live)
  // On Postgres one server sweeps at a time (the others skip that round); reads and decisions
  // still expire the proposal they touch, in their own transaction, wherever they run.
  const sweepOnce = () => (postgres ? ifLockFree(db, ADVISORY_LOCKS.expirySweep, () => expireDue(services)) : expireDue(services))
  const sweep = setInterval(() => {
    sweepOnce().catch((error: unknown) => console.error("signoff: expiry sweep failed", error))
  }, options.expirySweepMs ?? 30_000)
  sweep.unref()
  const dispatcher = options.webhooks === false ? undefined : new WebhookDispatcher(services, options.webhooks)
  dispatcher?.start()

  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    createToken: async (role, name, tokenOptions = {}) => (await createTokenInDatabase({ db, keys }, role, name, tokenOptions, services.now())).token,
    createTokenWithIds: (role, name, tokenOptions = {}) => createTokenInDatabase({ db, keys }, role, name, tokenOptions, services.now()),
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep)
        live.close()
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // Long-polling waiters would otherwise hold close() open for up to a minute.
          server.closeAllConnections()
        })
        await dispatcher?.stop()
        await changes.stop()
        await db.destroy()
      })())
  }
}
