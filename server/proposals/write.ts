import type { Transaction, Updateable } from "kysely"
import { newId } from "../ids"
import type { Decision } from "~src/domain"
import { nextCounterValue } from "../db/counters"
import type { Database, ProposalsTable } from "../db/schema"

type ProposalChanges = Omit<Updateable<ProposalsTable>, "id" | "version" | "seq" | "updated_at">

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
  const bumped = { version: Number(current.version) + 1, seq, updated_at: now.toISOString() }
  const result = await trx
    .updateTable("proposals")
    .set({ ...changes, ...bumped })
    .where("id", "=", current.id)
    .where("version", "=", current.version)
    .executeTakeFirst()
  if (Number(result.numUpdatedRows) === 0) return undefined
  // The row as it now stands, without reading it back (the hot path of every decision).
  return { ...current, ...(changes as Partial<ProposalsTable>), ...bumped }
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

export async function insertDecision(trx: Transaction<Database>, d: NewDecision, now: Date): Promise<string> {
  const id = newId()
  await trx
    .insertInto("decisions")
    .values({
      id,
      proposal_id: d.proposalId,
      action: d.action,
      actor_name: d.actor.name,
      actor_role: d.actor.role,
      reason_code: d.reason?.code ?? null,
      reason_text: d.reason?.text ?? null,
      edits: d.edits ? JSON.stringify(d.edits) : null,
      proposal_version: d.proposalVersion,
      review_ms: d.reviewMs ?? null,
      rule: d.rule ?? null,
      created_at: now.toISOString()
    })
    .execute()
  return id
}
