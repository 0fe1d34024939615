import type { Transaction } from "kysely"
import { newId } from "../ids"
import type { Decision } from "~src/domain"
import { nextCounterValue } from "../db/counters"
import { affectedRows, preparedQuery } from "../db/prepared"
import type { Database, DecisionsTable, ProposalsTable } from "../db/schema"

/** What a change to a proposal may touch; version, seq and updated_at are bumped here. */
type MutableColumns = "status" | "approvers" | "edited_change" | "content_hash" | "base_snapshot_hash" | "review"
type ProposalChanges = Partial<Pick<ProposalsTable, MutableColumns>>

// Every mutable column is written (unchanged ones with the value read in this transaction, which
// the version check guarantees is still current), so there is one statement shape to prepare.
const updateProposalRow = preparedQuery<Pick<ProposalsTable, MutableColumns | "id" | "version" | "seq" | "updated_at"> & { expected_version: number }, never>(
  (db, slot) =>
    db
      .updateTable("proposals")
      .set({
        status: slot("status"),
        approvers: slot("approvers"),
        edited_change: slot("edited_change"),
        content_hash: slot("content_hash"),
        base_snapshot_hash: slot("base_snapshot_hash"),
        review: slot("review"),
        version: slot("version"),
        seq: slot("seq"),
        updated_at: slot("updated_at")
      })
      .where("id", "=", slot("id"))
      .where("version", "=", slot("expected_version"))
)

/**
 * Every change to a proposal goes through here: a new version (optimistic concurrency) and a
 * new seq (so the delta sync sees it). Returns undefined when someone else changed it first.
 */
export async function updateProposal(
  trx: Transaction<Database>,
  current: ProposalsTable,
  changes: ProposalChanges,
  now: Date
): Promise<ProposalsTable | undefined> {
  const seq = await nextCounterValue(trx, "proposal_seq")
  const next: ProposalsTable = { ...current, ...changes, version: Number(current.version) + 1, seq, updated_at: now.toISOString() }
  const updated = await affectedRows(
    updateProposalRow(trx, {
      id: current.id,
      expected_version: current.version,
      status: next.status,
      approvers: next.approvers,
      edited_change: next.edited_change,
      content_hash: next.content_hash,
      base_snapshot_hash: next.base_snapshot_hash,
      review: next.review,
      version: next.version,
      seq: next.seq,
      updated_at: next.updated_at
    })
  )
  // The row as it now stands, without reading it back (the hot path of every decision).
  return updated === 0 ? undefined : next
}

export interface NewDecision {
  proposalId: string
  action: Decision["action"]
  actor: Decision["actor"]
  proposalVersion: number
  reason?: Decision["reason"] | undefined
  edits?: Record<string, unknown> | undefined
  reviewMs?: number | undefined
  rule?: string | undefined
}

const insertDecisionRow = preparedQuery<DecisionsTable, never>((db, slot) =>
  db.insertInto("decisions").values({
    id: slot("id"),
    proposal_id: slot("proposal_id"),
    action: slot("action"),
    actor_name: slot("actor_name"),
    actor_role: slot("actor_role"),
    actor_principal_id: slot("actor_principal_id"),
    reason_code: slot("reason_code"),
    reason_text: slot("reason_text"),
    edits: slot("edits"),
    proposal_version: slot("proposal_version"),
    review_ms: slot("review_ms"),
    rule: slot("rule"),
    created_at: slot("created_at")
  })
)

export async function insertDecision(trx: Transaction<Database>, d: NewDecision, now: Date): Promise<string> {
  const id = newId()
  await insertDecisionRow(trx, {
    id,
    proposal_id: d.proposalId,
    action: d.action,
    actor_name: d.actor.name,
    actor_role: d.actor.role,
    actor_principal_id: d.actor.principalId ?? null,
    reason_code: d.reason?.code ?? null,
    reason_text: d.reason?.text ?? null,
    edits: d.edits ? JSON.stringify(d.edits) : null,
    proposal_version: d.proposalVersion,
    review_ms: d.reviewMs ?? null,
    rule: d.rule ?? null,
    created_at: now.toISOString()
  })
  return id
}
