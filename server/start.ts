import type { Server } from "node:http"
import { serve } from "@hono/node-server"
import type { OpenAPIHono } from "@hono/zod-openapi"
import type { Role } from "~src/domain"
import { createApp } from "./app"
import type { AppEnv, Services } from "./app-env"
import { issueToken } from "./auth/tokens"
import { openDatabase } from "./db/connect"
import { expireDue } from "./proposals/expiry"
import { ProposalEvents } from "./proposals/events"
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
}

export interface RunningServer {
  url: string
  close(): Promise<void>
  createToken(role: Role, name: string): Promise<string>
}

/** Opens (and migrates) the database, then listens. */
export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const db = await openDatabase(options.db ?? DEFAULT_DB_PATH)
  const services: Services = { db, events: new ProposalEvents(), now: options.now ?? (() => new Date()) }
  const app = createApp(services)
  options.extendApp?.(app)
  const host = options.host ?? "127.0.0.1"

  const { server, port } = await new Promise<{ server: Server; port: number }>((resolve, reject) => {
    const server = serve({ fetch: app.fetch, port: options.port ?? 8787, hostname: host }, (info) =>
      resolve({ server, port: info.port })
    ) as Server
    server.once("error", reject)
  })

  const sweep = setInterval(() => {
    expireDue(services).catch((error: unknown) => console.error("signoff: expiry sweep failed", error))
  }, options.expirySweepMs ?? 30_000)
  sweep.unref()
  const dispatcher = options.webhooks === false ? undefined : new WebhookDispatcher(services, options.webhooks)
  dispatcher?.start()

  let closing: Promise<void> | undefined
  return {
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    createToken: (role, name) => issueToken(db, role, name, services.now()),
    close: () =>
      (closing ??= (async () => {
        clearInterval(sweep)
        await new Promise<void>((resolve) => {
          server.close(() => resolve())
          // Long-polling waiters would otherwise hold close() open for up to a minute.
          server.closeAllConnections()
        })
        await dispatcher?.stop()
        await db.destroy()
      })())
  }
}
