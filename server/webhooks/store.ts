import type { Kysely, Transaction } from "kysely"
import type { Webhook, WebhookCreate, WebhookEventType, WebhookUpdate, WebhookWithSecret } from "~src/domain/webhooks"
import { appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import { type Caller, actorOf } from "../auth/tokens"
import type { Database, WebhooksTable } from "../db/schema"
import { inTransaction } from "../db/transaction"
import { notFound } from "../http/api-error"
import { newId } from "../ids"
import { newWebhookSecret } from "./signature"

type Reader = Kysely<Database> | Transaction<Database>

/** After a rotation, receivers get both signatures this long, time to deploy the new secret. */
export const ROTATION_GRACE_MS = 24 * 3_600_000

/** The actor of changes the dispatcher makes by itself (disabling a webhook that answered 410). */
export const DISPATCHER_ACTOR = { name: "webhooks", role: "policy" } as const

export function webhookFromRow(row: WebhooksTable): Webhook {
  return {
    id: row.id,
    url: row.url,
    events: JSON.parse(row.events) as WebhookEventType[],
    description: row.description,
    enabled: Number(row.enabled) === 1,
    disabledReason: row.disabled_reason,
    previousSecretExpiresAt: row.previous_secret_expires_at,
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

/** Secrets to sign with now: the current one, and the previous one while its grace period lasts. */
export function signingSecrets(row: Pick<WebhooksTable, "secret" | "previous_secret" | "previous_secret_expires_at">, now: Date): string[] {
  const previousValid = row.previous_secret !== null && row.previous_secret_expires_at !== null && row.previous_secret_expires_at > now.toISOString()
  return previousValid ? [row.secret, row.previous_secret!] : [row.secret]
}

export async function listWebhooks(db: Reader): Promise<Webhook[]> {
  const rows = await db.selectFrom("webhooks").selectAll().orderBy("id").execute()
  return rows.map(webhookFromRow)
}

async function webhookRow(db: Reader, id: string): Promise<WebhooksTable> {
  const row = await db.selectFrom("webhooks").selectAll().where("id", "=", id).executeTakeFirst()
  if (!row) throw notFound(`webhook ${id} not found`)
  return row
}

export async function findWebhook(db: Reader, id: string): Promise<Webhook> {
  return webhookFromRow(await webhookRow(db, id))
}

/**
 * A new subscription and its secret (returned this once). It receives the events that happen
 * after it: its own creation entry in the audit log marks where the dispatcher starts for it.
 */
export async function createWebhook(db: Kysely<Database>, key: AuditChainKey, input: WebhookCreate, caller: Caller, now: Date): Promise<WebhookWithSecret> {
  const id = newId()
  const secret = newWebhookSecret()
  const at = now.toISOString()
  return inTransaction(db, async (trx) => {
    const entry = await appendAudit(trx, key, now, {
      event: "webhook.created",
      actor: actorOf(caller),
      data: { webhookId: id, url: input.url, events: input.events }
    })
    const row: WebhooksTable = {
      id,
      url: input.url,
      events: JSON.stringify(input.events),
      description: input.description ?? null,
      secret,
      previous_secret: null,
      previous_secret_expires_at: null,
      enabled: 1,
      disabled_reason: null,
      from_audit_seq: entry.seq,
      created_at: at,
      updated_at: at
    }
    await trx.insertInto("webhooks").values(row).execute()
    return { webhook: webhookFromRow(row), secret }
  })
}

/** URL, events, description, or enabled (re-enabling clears the reason it stopped). Audited. */
export async function updateWebhook(db: Kysely<Database>, key: AuditChainKey, id: string, update: WebhookUpdate, caller: Caller, now: Date): Promise<Webhook> {
  return inTransaction(db, async (trx) => {
    const row = await webhookRow(trx, id)
    const next: WebhooksTable = {
      ...row,
      url: update.url ?? row.url,
      events: update.events ? JSON.stringify(update.events) : row.events,
      description: update.description ?? row.description,
      enabled: update.enabled === undefined ? row.enabled : update.enabled ? 1 : 0,
      disabled_reason: update.enabled === true ? null : update.enabled === false ? `disabled by ${caller.name}` : row.disabled_reason,
      updated_at: now.toISOString()
    }
    await trx.updateTable("webhooks").set(next).where("id", "=", id).execute()
    await appendAudit(trx, key, now, {
      event: "webhook.changed",
      actor: actorOf(caller),
      data: { webhookId: id, changes: update }
    })
    return webhookFromRow(next)
  })
}

/** A new secret, returned once; the old one keeps signing alongside it for ROTATION_GRACE_MS. */
export async function rotateWebhookSecret(db: Kysely<Database>, key: AuditChainKey, id: string, caller: Caller, now: Date): Promise<WebhookWithSecret> {
  const secret = newWebhookSecret()
  return inTransaction(db, async (trx) => {
    const row = await webhookRow(trx, id)
    const next: WebhooksTable = {
      ...row,
      secret,
      previous_secret: row.secret,
      previous_secret_expires_at: new Date(now.getTime() + ROTATION_GRACE_MS).toISOString(),
      updated_at: now.toISOString()
    }
    await trx.updateTable("webhooks").set(next).where("id", "=", id).execute()
    await appendAudit(trx, key, now, {
      event: "webhook.changed",
      actor: actorOf(caller),
      data: { webhookId: id, secretRotated: true, previousSecretExpiresAt: next.previous_secret_expires_at }
    })
    return { webhook: webhookFromRow(next), secret }
  })
}

/** The receiver answered 410 Gone: stop sending to it (Standard Webhooks, "Delivery success and failure"). */
export async function disableGoneWebhook(trx: Transaction<Database>, key: AuditChainKey, id: string, now: Date): Promise<void> {
  const reason = `the endpoint answered 410 Gone at ${now.toISOString()}`
  await trx.updateTable("webhooks").set({ enabled: 0, disabled_reason: reason, updated_at: now.toISOString() }).where("id", "=", id).execute()
  await appendAudit(trx, key, now, { event: "webhook.changed", actor: DISPATCHER_ACTOR, data: { webhookId: id, changes: { enabled: false }, reason } })
}
