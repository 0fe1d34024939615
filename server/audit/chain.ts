import type { Kysely, Transaction } from "kysely"
import type { AuditEntry, AuditEvent } from "~src/domain"
import { canonicalJson } from "~src/domain/canonical-json"
import { nextCounterValue } from "../db/counters"
import { firstRow, preparedQuery } from "../db/prepared"
import type { AuditLogTable, Database } from "../db/schema"
import { sha256Hex } from "../hashing"
import type { AuditChainKey } from "./keys"

/** prevHash of the first entry: there is nothing before it. */
export const GENESIS_HASH = "0".repeat(64)

export interface AuditRecord {
  event: AuditEvent
  actor: { name: string; role: string; principalId?: string | undefined }
  proposalId?: string | null
  workflowId?: string | null
  data: Record<string, unknown>
}

/** hash = HMAC-SHA256(key, prevHash + canonical JSON of the entry without `hash`). */
export function hashEntry(key: AuditChainKey, entry: Omit<AuditEntry, "hash">): string {
  return key.sign(entry.prevHash + canonicalJson(entry))
}

/** The unkeyed link of entries written before the upgrade: sha256(prevHash + canonical JSON). */
export function legacyHashEntry(entry: Omit<AuditEntry, "hash">): string {
  return sha256Hex(entry.prevHash + canonicalJson(entry))
}

/** The actor as hashed and exported: `principalId` only when there is one (older entries have none). */
function actorOf(name: string, role: string, principalId: string | null | undefined): AuditEntry["actor"] {
  return principalId ? { name, role, principalId } : { name, role }
}

const hashAtSeq = preparedQuery<{ seq: number }, { hash: string }>((db, slot) => db.selectFrom("audit_log").select("hash").where("seq", "=", slot("seq")))

const insertAuditRow = preparedQuery<AuditLogTable, never>((db, slot) =>
  db.insertInto("audit_log").values({
    seq: slot("seq"),
    at: slot("at"),
    event: slot("event"),
    actor_name: slot("actor_name"),
    actor_role: slot("actor_role"),
    actor_principal_id: slot("actor_principal_id"),
    proposal_id: slot("proposal_id"),
    workflow_id: slot("workflow_id"),
    data: slot("data"),
    prev_hash: slot("prev_hash"),
    hash: slot("hash")
  })
)

/**
 * Appends one link to the chain inside the caller's transaction, so the entry commits (or
 * rolls back) together with the change it records. The audit counter row serializes appenders.
 *
 * Lock order: a transaction that also takes `proposal_seq` must take it before this
 * (server/db/counters.ts), or two writers can deadlock on Postgres.
 */
export async function appendAudit(trx: Transaction<Database>, key: AuditChainKey, at: Date, record: AuditRecord): Promise<AuditEntry> {
  const seq = await nextCounterValue(trx, "audit_seq")
  const previous = seq === 1 ? undefined : await firstRow(hashAtSeq(trx, { seq: seq - 1 }))
  const data = JSON.stringify(record.data)
  const unhashed: Omit<AuditEntry, "hash"> = {
    seq,
    at: at.toISOString(),
    event: record.event,
    actor: actorOf(record.actor.name, record.actor.role, record.actor.principalId),
    proposalId: record.proposalId ?? null,
    workflowId: record.workflowId ?? null,
    // Round-trip through JSON so what we hash is exactly what a reader will parse back.
    data: JSON.parse(data) as Record<string, unknown>,
    prevHash: previous?.hash ?? GENESIS_HASH
  }
  const entry: AuditEntry = { ...unhashed, hash: hashEntry(key, unhashed) }
  await insertAuditRow(trx, {
    seq: entry.seq,
    at: entry.at,
    event: entry.event,
    actor_name: entry.actor.name,
    actor_role: entry.actor.role,
    actor_principal_id: entry.actor.principalId ?? null,
    proposal_id: entry.proposalId,
    workflow_id: entry.workflowId,
    // Stringifying parsed JSON gives back the same text, so this is what a reader parses.
    data,
    prev_hash: entry.prevHash,
    hash: entry.hash
  })
  return entry
}

export function auditEntryFromRow(row: AuditLogTable): AuditEntry {
  return {
    seq: Number(row.seq),
    at: row.at,
    event: row.event as AuditEvent,
    actor: actorOf(row.actor_name, row.actor_role, row.actor_principal_id),
    proposalId: row.proposal_id,
    workflowId: row.workflow_id,
    data: JSON.parse(row.data) as Record<string, unknown>,
    prevHash: row.prev_hash,
    hash: row.hash
  }
}

/** Audit rows in seq order, fetched in pages so an export of millions never sits in memory. */
export async function* auditRows(
  db: Kysely<Database>,
  range: { from?: string | undefined; to?: string | undefined } = {},
  pageSize = 500
): AsyncGenerator<AuditLogTable> {
  let after = 0
  for (;;) {
    let query = db.selectFrom("audit_log").selectAll().where("seq", ">", after).orderBy("seq").limit(pageSize)
    if (range.from) query = query.where("at", ">=", range.from)
    if (range.to) query = query.where("at", "<", range.to)
    const rows = await query.execute()
    for (const row of rows) yield row
    if (rows.length < pageSize) return
    after = Number(rows[rows.length - 1]!.seq)
  }
}
