import type { Kysely, Transaction } from "kysely"
import {
  WebhookEvent,
  type WebhookDelivery,
  type WebhookDeliveryPage,
  type WebhookDeliveryQuery,
  type WebhookDeliveryStatus,
  type WebhookEventType
} from "~src/domain/webhooks"
import type { Database, WebhookDeliveriesTable, WebhookMessagesTable, WebhooksTable } from "../db/schema"
import { conflict, notFound } from "../http/api-error"
import { newId } from "../ids"

type Reader = Kysely<Database> | Transaction<Database>

/** The subscriptions an event goes to: enabled, subscribed to its type, and (for logged events) created before it. */
export function subscribersOf(webhooks: readonly WebhooksTable[], event: WebhookEvent): WebhooksTable[] {
  return webhooks.filter(
    (w) =>
      Number(w.enabled) === 1 &&
      (JSON.parse(w.events) as WebhookEventType[]).includes(event.type) &&
      (event.data.auditSeq === null || Number(w.from_audit_seq) < event.data.auditSeq)
  )
}

/**
 * Persists one event as a message and a pending delivery per subscriber, inside the caller's
 * transaction: once it commits, a restart cannot lose it. Nothing is stored when nobody listens.
 */
export async function enqueueEvent(trx: Transaction<Database>, event: WebhookEvent, subscribers: readonly WebhooksTable[], now: Date): Promise<void> {
  if (subscribers.length === 0) return
  const at = now.toISOString()
  const message: WebhookMessagesTable = {
    id: `msg_${newId()}`,
    event_type: event.type,
    audit_seq: event.data.auditSeq,
    proposal_id: event.data.proposalId,
    payload: JSON.stringify(event),
    created_at: at
  }
  await trx.insertInto("webhook_messages").values(message).execute()
  await trx
    .insertInto("webhook_deliveries")
    .values(
      subscribers.map((w) => ({
        id: newId(),
        message_id: message.id,
        webhook_id: w.id,
        status: "pending",
        attempts: 0,
        next_attempt_at: at,
        last_attempt_at: null,
        last_status_code: null,
        last_error: null,
        delivered_at: null,
        created_at: at
      }))
    )
    .execute()
}

type DeliveryRow = WebhookDeliveriesTable & Pick<WebhookMessagesTable, "event_type" | "payload">

function deliveryFromRow(row: DeliveryRow): WebhookDelivery {
  return {
    id: row.id,
    webhookId: row.webhook_id,
    messageId: row.message_id,
    eventType: row.event_type as WebhookEventType,
    status: row.status as WebhookDeliveryStatus,
    attempts: Number(row.attempts),
    nextAttemptAt: row.status === "pending" ? row.next_attempt_at : null,
    lastAttemptAt: row.last_attempt_at,
    lastStatusCode: row.last_status_code === null ? null : Number(row.last_status_code),
    lastError: row.last_error,
    deliveredAt: row.delivered_at,
    createdAt: row.created_at,
    event: WebhookEvent.parse(JSON.parse(row.payload))
  }
}

function deliveriesWithMessages(db: Reader) {
  return db
    .selectFrom("webhook_deliveries")
    .innerJoin("webhook_messages", "webhook_messages.id", "webhook_deliveries.message_id")
    .selectAll("webhook_deliveries")
    .select(["webhook_messages.event_type", "webhook_messages.payload"])
}

/** A webhook's deliveries, newest first (ULID order); the cursor is the last id of the previous page. */
export async function listDeliveries(db: Reader, webhookId: string, query: WebhookDeliveryQuery): Promise<WebhookDeliveryPage> {
  let select = deliveriesWithMessages(db)
    .where("webhook_deliveries.webhook_id", "=", webhookId)
    .orderBy("webhook_deliveries.id", "desc")
    .limit(query.limit + 1)
  if (query.status) select = select.where("webhook_deliveries.status", "=", query.status)
  if (query.cursor) select = select.where("webhook_deliveries.id", "<", query.cursor)
  const rows = await select.execute()
  const page = rows.slice(0, query.limit)
  return { items: page.map(deliveryFromRow), nextCursor: rows.length > query.limit ? page[page.length - 1]!.id : null }
}

/**
 * Sends a delivery again from the first attempt, same `webhook-id` (receivers that processed it
 * drop the duplicate). One still being retried is refused: it is already on its way.
 */
export async function replayDelivery(db: Kysely<Database>, webhookId: string, deliveryId: string, now: Date): Promise<WebhookDelivery> {
  const row = await deliveriesWithMessages(db)
    .where("webhook_deliveries.webhook_id", "=", webhookId)
    .where("webhook_deliveries.id", "=", deliveryId)
    .executeTakeFirst()
  if (!row) throw notFound(`delivery ${deliveryId} of webhook ${webhookId} not found`)
  if (row.status === "pending") throw conflict("this delivery is still pending; it will be retried on schedule")
  const at = now.toISOString()
  const reset = { status: "pending", attempts: 0, next_attempt_at: at, delivered_at: null }
  await db.updateTable("webhook_deliveries").set(reset).where("id", "=", deliveryId).where("status", "=", row.status).execute()
  return deliveryFromRow({ ...row, ...reset })
}
