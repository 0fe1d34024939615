import type { Transaction } from "kysely"
import { newId } from "../ids"
import type { Proposal, ProposalCreate } from "~src/domain"
import { deadlineFor } from "~src/domain/deadlines"
import { decideOnCreation } from "~src/domain/oversight"
import { resolveTargetTenant } from "~src/domain/target-tenant"
import type { Services } from "../app-env"
import { appendAudit } from "../audit/chain"
import { type Caller, actorOf } from "../auth/tokens"
import { nextCounterValue } from "../db/counters"
import type { Database } from "../db/schema"
import type { AfterCommit } from "../db/transaction"
import { canonicalHash } from "~sdk/src/hash"
import { customHosts } from "../custom-domains/store"
import { badRequest } from "../http/api-error"
import { readDeadlineSettings } from "../settings/deadlines"
import { ensureWorkflow } from "../workflows/store"
import { loadProposal } from "./record"
import { insertDecision } from "./write"

/** The actor named on decisions a workflow rule makes by itself. */
export const POLICY_ACTOR = { name: "policy", role: "policy" } as const

/** Refuses input that is well-formed but makes no sense now; runs before any write. */
export function checkCreatable(input: ProposalCreate, now: Date): void {
  if (input.expiresAt !== undefined && Date.parse(input.expiresAt) <= now.getTime())
    throw badRequest("expiresAt must be in the future", [{ path: ["expiresAt"], message: "already passed" }])
}

/**
 * Stores a new proposal and applies its workflow's review rules and oversight model: pending for
 * a human, or auto-approved by policy (recorded as a policy decision naming the rule). One
 * transaction. (The caller's workflow scope is checked by the route, before anything is written.)
 */
export async function createProposal(
  trx: Transaction<Database>,
  afterCommit: AfterCommit,
  services: Services,
  caller: Caller,
  input: ProposalCreate
): Promise<Proposal> {
  const now = services.now()
  const at = now.toISOString()
  // Before any write: a refused target leaves nothing behind.
  const checked = resolveTargetTenant(input.target, await customHosts(trx))
  if (!checked.ok) throw badRequest(checked.message, [{ path: checked.path, message: checked.message }])
  input = { ...input, target: checked.target }
  // Lock order (server/db/counters.ts): proposal_seq before anything that appends to the audit
  // log, as a decision does — ensureWorkflow audits a workflow it creates.
  const seq = await nextCounterValue(trx, "proposal_seq")
  const workflow = await ensureWorkflow(trx, services.keys.chain, input.workflowId, actorOf(caller), now)
  const outcome = decideOnCreation(workflow, input)
  const contentHash = canonicalHash(input.change)
  const id = newId()
  // The workflow's own deadline, else its tier's default; fixed now, so later setting changes never move it.
  const { expiresAt, remindAt } = deadlineFor(now, input.expiresAt, workflow, await readDeadlineSettings(trx))
  await trx
    .insertInto("proposals")
    .values({
      id,
      workflow_id: workflow.id,
      created_by_token: caller.tokenId,
      created_by_principal: caller.principalId,
      status: outcome.status,
      version: 1,
      seq,
      platform: input.target.platform,
      target_kind: input.target.kind,
      target_id: input.target.id,
      body: JSON.stringify(input),
      edited_change: null,
      content_hash: outcome.status === "auto_approved" ? contentHash : null,
      base_snapshot_hash: input.baseSnapshotHash ?? null,
      approvers: "[]",
      quorum: workflow.quorum,
      expires_at: expiresAt?.toISOString() ?? null,
      remind_at: remindAt?.toISOString() ?? null,
      created_at: at,
      updated_at: at,
      review: JSON.stringify(outcome.review)
    })
    .execute()
  await appendAudit(trx, services.keys.chain, now, {
    event: "proposal.created",
    actor: actorOf(caller),
    proposalId: id,
    workflowId: workflow.id,
    data: {
      title: input.title,
      agent: input.agent,
      target: input.target,
      confidence: input.confidence,
      status: outcome.status,
      model: workflow.model,
      rule: outcome.rule,
      review: outcome.review,
      // What was proposed, bound like an approval: the hash of the change as the agent sent it.
      contentHash,
      expiresAt: expiresAt?.toISOString() ?? null,
      remindAt: remindAt?.toISOString() ?? null
    }
  })
  if (outcome.status === "auto_approved") {
    await insertDecision(trx, { proposalId: id, action: "auto_approve", actor: POLICY_ACTOR, proposalVersion: 1, rule: outcome.rule }, now)
    await appendAudit(trx, services.keys.chain, now, {
      event: "auto_approval",
      actor: POLICY_ACTOR,
      proposalId: id,
      workflowId: workflow.id,
      data: { rule: outcome.rule, model: workflow.model, confidence: input.confidence, contentHash }
    })
  }
  await services.changes.publish(trx, afterCommit, { id, seq, createdBy: caller.principalId })
  const proposal = await loadProposal(trx, id)
  if (!proposal) throw new Error(`proposal ${id} vanished inside its own transaction`)
  return proposal
}
