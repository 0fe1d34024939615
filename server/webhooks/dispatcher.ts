import type { Transaction } from "kysely"
import type { ProposalCreate } from "~src/domain"
import type { WebhookEvent } from "~src/domain/webhooks"
import type { Services } from "../app-env"
import { auditEntryFromRow } from "../audit/chain"
import { affectedRows, firstRow, preparedQuery } from "../db/prepared"
import type { AuditLogTable, Database, WebhookDeliveriesTable, WebhooksTable } from "../db/schema"
import { isUniqueViolation } from "../db/unique-violation"
import { inTransaction } from "../db/transaction"
import { POLICY_ACTOR } from "../proposals/create"
import { enqueueEvent, subscribersOf } from "./deliveries"
import { type ProposalFacts, webhookEventsFor } from "./events"
import { STANDARD_RETRY_SCHEDULE_MS, retryDelayMs } from "./retry-schedule"
import { DEFAULT_ATTEMPT_TIMEOUT_MS, attemptDelivery } from "./send"
import { webhookHeaders } from "./signature"
import { disableGoneWebhook, signingSecrets } from "./store"

export interface WebhookDispatchOptions {
  /** Delays between attempts after the first, immediate one. Default: the Standard Webhooks schedule. */
  retryScheduleMs: readonly number[]
  /** How often the log and due retries are checked when nothing wakes the dispatcher. Default 1 s. */
  pollMs: number
  /** How often pending proposals are checked for `proposal.expiring`. Default 30 s. */
  expiringSweepMs: number
  /** How long a receiver has to answer one attempt. Default 15 s. */
  timeoutMs: number
  /** Jitter source, in [0, 1). */
  random: () => number
  fetch: typeof fetch
  /** Deliveries in flight at once. */
  concurrency: number
}

export const DEFAULT_DISPATCH_OPTIONS: WebhookDispatchOptions = {
  retryScheduleMs: STANDARD_RETRY_SCHEDULE_MS,
  pollMs: 1_000,
  expiringSweepMs: 30_000,
  timeoutMs: DEFAULT_ATTEMPT_TIMEOUT_MS,
  random: Math.random,
  fetch: (input, init) => fetch(input, init),
  concurrency: 16
}

/** The counters row holding the last audit seq turned into deliveries. */
const CURSOR = "webhook_audit_cursor"
const AUDIT_PAGE = 200
const PAGES_PER_TICK = 25
const EXPIRING_CANDIDATES = 2_000

// The queries of every tick (one tick follows each commit), compiled once (server/db/prepared.ts).
const cursorValue = preparedQuery<{ name: string }, { value: number }>((db, slot) => db.selectFrom("counters").select("value").where("name", "=", slot("name")))
const auditPageAfter = preparedQuery<{ cursor: number; limit: number }, AuditLogTable>((db, slot) =>
  db.selectFrom("audit_log").selectAll().where("seq", ">", slot("cursor")).orderBy("seq").limit(slot("limit"))
)
const enabledWebhooks = preparedQuery<{ enabled: number }, WebhooksTable>((db, slot) =>
  db.selectFrom("webhooks").selectAll().where("enabled", "=", slot("enabled"))
)
const lastAuditSeq = preparedQuery<Record<string, never>, { seq: number | null }>((db) => db.selectFrom("audit_log").select((eb) => eb.fn.max("seq").as("seq")))
/** Only ever forward: a second server that moved it further is left alone. */
const skipCursorTo = preparedQuery<{ name: string; to: number }, never>((db, slot) =>
  db
    .updateTable("counters")
    .set({ value: slot("to") })
    .where("name", "=", slot("name"))
    .where("value", "<", slot("to"))
)
const moveCursor = preparedQuery<{ name: string; from: number; to: number }, never>((db, slot) =>
  db
    .updateTable("counters")
    .set({ value: slot("to") })
    .where("name", "=", slot("name"))
    .where("value", "=", slot("from"))
)

const dueDeliveries = preparedQuery<{ now: string; limit: number }, DueDelivery & Pick<WebhookDeliveriesTable, "next_attempt_at">>((db, slot) =>
  db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhooks", "webhooks.id", "webhook_deliveries.webhook_id")
    .innerJoin("webhook_messages", "webhook_messages.id", "webhook_deliveries.message_id")
    .select([
      "webhook_deliveries.id",
      "webhook_deliveries.attempts",
      "webhook_deliveries.next_attempt_at",
      "webhook_deliveries.webhook_id",
      "webhook_deliveries.message_id",
      "webhook_messages.payload",
      "webhooks.url",
      "webhooks.secret",
      "webhooks.previous_secret",
      "webhooks.previous_secret_expires_at"
    ])
    .where("webhook_deliveries.status", "=", "pending")
    .where("webhook_deliveries.next_attempt_at", "<=", slot("now"))
    .where("webhooks.enabled", "=", 1)
    .orderBy("webhook_deliveries.next_attempt_at")
    .limit(slot("limit"))
)

/** Another dispatcher (a second server on the same Postgres) took this page first. */
class CursorMoved extends Error {}

/**
 * Turns the audit log into signed webhook deliveries and sends them.
 *
 * Every state change already appends an audit entry in its own transaction, so the dispatcher
 * tails the log by `seq` from a persisted cursor: each page becomes messages and one delivery
 * per subscribed webhook, and the cursor moves, in one transaction. Nothing in the write paths
 * knows about webhooks, and a restart resumes from the cursor and the pending deliveries.
 * Delivery is at least once: a crash between a receiver's 2xx and our commit sends it again,
 * with the same `webhook-id`, which receivers use to drop duplicates.
 */
export class WebhookDispatcher {
  readonly #services: Services
  readonly #options: WebhookDispatchOptions
  readonly #stop = new AbortController()
  readonly #inFlight = new Map<string, Promise<void>>()
  #poll: ReturnType<typeof setInterval> | undefined
  #unsubscribe: (() => void) | undefined
  #running: Promise<void> | null = null
  #again = false
  #wakeQueued = false
  #lastExpiringSweep = 0

  constructor(services: Services, options: Partial<WebhookDispatchOptions> = {}) {
    this.#services = services
    this.#options = { ...DEFAULT_DISPATCH_OPTIONS, ...options }
  }

  start(): void {
    this.#poll = setInterval(() => this.wake(), this.#options.pollMs)
    this.#poll.unref()
    // A committed change is usually an audit entry to send: look at once rather than at the next poll.
    this.#unsubscribe = this.#services.events.onAnyChange(() => this.wake())
    this.wake()
  }

  /** Stops polling, aborts attempts in flight (they do not count and are retried after a restart) and waits for both. */
  async stop(): Promise<void> {
    this.#stop.abort()
    clearInterval(this.#poll)
    this.#unsubscribe?.()
    await this.#running
    await Promise.allSettled(this.#inFlight.values())
  }

  wake(): void {
    if (this.#stop.signal.aborted || this.#wakeQueued) return
    this.#wakeQueued = true
    setImmediate(() => {
      this.#wakeQueued = false
      void this.#tick()
    })
  }

  #tick(): Promise<void> {
    if (this.#running) {
      this.#again = true
      return this.#running
    }
    this.#running = (async () => {
      do {
        this.#again = false
        try {
          // With no webhook enabled there is nothing to enqueue or send: the log is skipped in one
          // statement rather than read page by page in a transaction after every commit.
          if (await this.#skipLogWithoutWebhooks()) continue
          await this.#tailAuditLog()
          await this.#noticeExpiring()
          await this.#sendDue()
        } catch (error) {
          if (!this.#stop.signal.aborted) console.error("signoff: webhook dispatch failed", error)
        }
      } while (this.#again && !this.#stop.signal.aborted)
    })().finally(() => {
      this.#running = null
    })
    return this.#running
  }

  /**
   * True when no webhook is enabled, after moving the cursor past the log as it was before that
   * was seen: entries committed earlier had no subscriber, as when #dispatchPage finds none; one
   * enabled meanwhile gets everything after. (Due deliveries only go to enabled webhooks.)
   */
  async #skipLogWithoutWebhooks(): Promise<boolean> {
    const { db } = this.#services
    const latest = (await firstRow(lastAuditSeq(db, {})))?.seq
    const { rows: webhooks } = await enabledWebhooks(db, { enabled: 1 })
    if (webhooks.length > 0) return false
    if (latest !== null && latest !== undefined) await skipCursorTo(db, { name: CURSOR, to: Number(latest) })
    return true
  }

  async #tailAuditLog(): Promise<void> {
    for (let page = 0; page < PAGES_PER_TICK && !this.#stop.signal.aborted; page++) {
      let more: boolean
      try {
        more = await inTransaction(this.#services.db, (trx) => this.#dispatchPage(trx))
      } catch (error) {
        if (error instanceof CursorMoved || isUniqueViolation(error)) return
        throw error
      }
      if (!more) return
    }
  }

  /** One page of the log → messages and deliveries, and the cursor moved past it. True when more may follow. */
  async #dispatchPage(trx: Transaction<Database>): Promise<boolean> {
    const cursorRow = await firstRow(cursorValue(trx, { name: CURSOR }))
    if (!cursorRow) throw new Error(`counter ${CURSOR} is missing`)
    const cursor = Number(cursorRow.value)
    const { rows } = await auditPageAfter(trx, { cursor, limit: AUDIT_PAGE })
    if (rows.length === 0) return false
    const { rows: webhooks } = await enabledWebhooks(trx, { enabled: 1 })
    if (webhooks.length > 0) {
      const entries = rows.map(auditEntryFromRow)
      const facts = await proposalFacts(
        trx,
        entries.map((e) => e.proposalId).filter((id): id is string => id !== null)
      )
      const now = this.#services.now()
      for (const entry of entries) {
        const known = entry.proposalId === null ? undefined : facts.get(entry.proposalId)
        if (!known) continue
        for (const event of webhookEventsFor(entry, known)) await enqueueEvent(trx, event, subscribersOf(webhooks, event), now)
      }
    }
    const last = Number(rows[rows.length - 1]!.seq)
    if ((await affectedRows(moveCursor(trx, { name: CURSOR, from: cursor, to: last }))) !== 1) throw new CursorMoved()
    return rows.length === AUDIT_PAGE
  }

  /**
   * `proposal.expiring`, once per proposal, for pending proposals past their `remind_at` (the
   * reminder share of their time, fixed at creation: src/domain/deadlines.ts) and not yet expired.
   */
  async #noticeExpiring(): Promise<void> {
    if (Date.now() - this.#lastExpiringSweep < this.#options.expiringSweepMs) return
    this.#lastExpiringSweep = Date.now()
    const { db } = this.#services
    const webhooks = (await enabledWebhooks(db, { enabled: 1 })).rows.filter((w) => (JSON.parse(w.events) as string[]).includes("proposal.expiring"))
    if (webhooks.length === 0) return
    const now = this.#services.now()
    const candidates = await db
      .selectFrom("proposals")
      .leftJoin("proposal_notices", (join) => join.onRef("proposal_notices.proposal_id", "=", "proposals.id").on("proposal_notices.kind", "=", "expiring"))
      .select(["proposals.id", "proposals.workflow_id", "proposals.body", "proposals.edited_change", "proposals.expires_at"])
      .where("proposals.status", "=", "pending")
      .where("proposals.remind_at", "<=", now.toISOString())
      .where("proposals.expires_at", ">", now.toISOString())
      .where("proposal_notices.proposal_id", "is", null)
      .orderBy("proposals.remind_at")
      .limit(EXPIRING_CANDIDATES)
      .execute()
    for (const row of candidates) {
      if (this.#stop.signal.aborted) return
      const facts = factsOf(row)
      const event: WebhookEvent = {
        type: "proposal.expiring",
        timestamp: now.toISOString(),
        data: {
          proposalId: row.id,
          workflowId: row.workflow_id,
          status: "pending",
          title: facts.title,
          target: facts.target,
          actor: POLICY_ACTOR,
          auditSeq: null,
          expiresAt: row.expires_at!
        }
      }
      try {
        await inTransaction(db, async (trx) => {
          await trx.insertInto("proposal_notices").values({ proposal_id: row.id, kind: "expiring", created_at: now.toISOString() }).execute()
          await enqueueEvent(trx, event, subscribersOf(webhooks, event), now)
        })
      } catch (error) {
        // Another server noticed it first.
        if (!isUniqueViolation(error)) throw error
      }
    }
  }

  async #sendDue(): Promise<void> {
    const capacity = this.#options.concurrency - this.#inFlight.size
    if (capacity <= 0 || this.#stop.signal.aborted) return
    const { db } = this.#services
    const now = this.#services.now()
    const { rows: due } = await dueDeliveries(db, { now: now.toISOString(), limit: capacity + this.#inFlight.size })
    for (const delivery of due) {
      if (this.#inFlight.size >= this.#options.concurrency) return
      if (this.#inFlight.has(delivery.id)) continue
      // Claimed for as long as an attempt can take: another server polling the same database skips it.
      const lease = new Date(now.getTime() + this.#options.timeoutMs + 30_000).toISOString()
      const claimed = await db
        .updateTable("webhook_deliveries")
        .set({ next_attempt_at: lease })
        .where("id", "=", delivery.id)
        .where("status", "=", "pending")
        .where("next_attempt_at", "=", delivery.next_attempt_at)
        .executeTakeFirst()
      if (Number(claimed.numUpdatedRows) !== 1) continue
      const sending = this.#attempt(delivery).finally(() => this.#inFlight.delete(delivery.id))
      this.#inFlight.set(delivery.id, sending)
    }
  }

  async #attempt(delivery: DueDelivery): Promise<void> {
    const { db } = this.#services
    const at = this.#services.now()
    const headers = webhookHeaders(delivery.message_id, at, delivery.payload, signingSecrets(delivery, at))
    const { fetch, timeoutMs, retryScheduleMs, random } = this.#options
    let result: Awaited<ReturnType<typeof attemptDelivery>>
    try {
      result = await attemptDelivery(fetch, delivery.url, headers, delivery.payload, timeoutMs, this.#services.now, this.#stop.signal)
    } catch {
      // Shutting down mid-attempt: hand the delivery back untouched, due at once after a restart.
      await db
        .updateTable("webhook_deliveries")
        .set({ next_attempt_at: at.toISOString() })
        .where("id", "=", delivery.id)
        .where("status", "=", "pending")
        .execute()
      return
    }
    const done = this.#services.now()
    const attempts = Number(delivery.attempts) + 1
    const common = { attempts, last_attempt_at: done.toISOString(), last_status_code: result.status }
    if (result.ok) {
      await db
        .updateTable("webhook_deliveries")
        .set({ ...common, status: "succeeded", last_error: null, delivered_at: done.toISOString(), next_attempt_at: null })
        .where("id", "=", delivery.id)
        .execute()
      return
    }
    if (result.gone) {
      await inTransaction(db, async (trx) => {
        await trx
          .updateTable("webhook_deliveries")
          .set({ ...common, status: "failed", last_error: "410 Gone: the webhook was disabled", next_attempt_at: null })
          .where("id", "=", delivery.id)
          .execute()
        await disableGoneWebhook(trx, this.#services.keys.chain, delivery.webhook_id, done)
      })
      return
    }
    const delay = retryDelayMs(attempts, retryScheduleMs, random, result.retryAfterMs)
    await db
      .updateTable("webhook_deliveries")
      .set(
        delay === undefined
          ? { ...common, status: "failed", last_error: `${result.error} (retries exhausted)`, next_attempt_at: null }
          : { ...common, status: "pending", last_error: result.error, next_attempt_at: new Date(done.getTime() + delay).toISOString() }
      )
      .where("id", "=", delivery.id)
      .execute()
  }
}

type DueDelivery = {
  id: string
  attempts: number
  webhook_id: string
  message_id: string
  payload: string
  url: string
} & Pick<WebhooksTable, "secret" | "previous_secret" | "previous_secret_expires_at">

/** Title, target (without parents) and whether it was edited, for the proposals of a page of the log. */
async function proposalFacts(trx: Transaction<Database>, ids: string[]): Promise<Map<string, ProposalFacts>> {
  const facts = new Map<string, ProposalFacts>()
  const unique = [...new Set(ids)]
  if (unique.length === 0) return facts
  const rows = await trx.selectFrom("proposals").select(["id", "body", "edited_change"]).where("id", "in", unique).execute()
  for (const row of rows) facts.set(row.id, factsOf(row))
  return facts
}

function factsOf(row: { body: string; edited_change: string | null }): ProposalFacts {
  const body = JSON.parse(row.body) as ProposalCreate
  const { platform, kind, id, url } = body.target
  return { title: body.title, target: url === undefined ? { platform, kind, id } : { platform, kind, id, url }, edited: row.edited_change !== null }
}
