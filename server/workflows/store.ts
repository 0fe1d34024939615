import type { Kysely, Transaction } from "kysely"
import { DEFAULT_SPOT_CHECK_SIZE, type ReviewRule, type Workflow, type WorkflowUpsert } from "~src/domain"
import { type AuditRecord, appendAudit } from "../audit/chain"
import type { AuditChainKey } from "../audit/keys"
import type { Database, WorkflowsTable } from "../db/schema"

type Reader = Kysely<Database> | Transaction<Database>

/** An unknown workflow starts at the strictest model: never start autonomous. */
export const DEFAULT_WORKFLOW = {
  model: "approve",
  threshold: 0.9,
  quorum: 1,
  expiryHours: null,
  paused: false,
  spotCheckSize: DEFAULT_SPOT_CHECK_SIZE
} as const

export function workflowFromRow(row: WorkflowsTable): Workflow {
  return {
    id: row.id,
    name: row.name,
    model: row.model as Workflow["model"],
    threshold: Number(row.threshold),
    quorum: Number(row.quorum),
    expiryHours: row.expiry_hours === null ? null : Number(row.expiry_hours),
    paused: Number(row.paused) === 1,
    spotCheckSize: Number(row.spot_check_size),
    reviewRules: JSON.parse(row.review_rules) as ReviewRule[],
    createdAt: row.created_at,
    updatedAt: row.updated_at
  }
}

export async function findWorkflow(db: Reader, id: string): Promise<Workflow | undefined> {
  const row = await db.selectFrom("workflows").selectAll().where("id", "=", id).executeTakeFirst()
  return row ? workflowFromRow(row) : undefined
}

export async function listWorkflows(db: Reader): Promise<Workflow[]> {
  const rows = await db.selectFrom("workflows").selectAll().orderBy("id").execute()
  return rows.map(workflowFromRow)
}

function toRow(w: Workflow): WorkflowsTable {
  return {
    id: w.id,
    name: w.name,
    model: w.model,
    threshold: w.threshold,
    quorum: w.quorum,
    expiry_hours: w.expiryHours,
    paused: w.paused ? 1 : 0,
    spot_check_size: w.spotCheckSize ?? DEFAULT_SPOT_CHECK_SIZE,
    review_rules: JSON.stringify(w.reviewRules ?? []),
    created_at: w.createdAt,
    updated_at: w.updatedAt
  }
}

/**
 * The workflow a proposal names, created with the `approve` model (and audited) when unknown.
 * Lock order: called after the proposal's `proposal_seq` is taken (it may append to the audit log).
 */
export async function ensureWorkflow(trx: Transaction<Database>, key: AuditChainKey, id: string, actor: AuditRecord["actor"], now: Date): Promise<Workflow> {
  const existing = await findWorkflow(trx, id)
  if (existing) return existing
  const at = now.toISOString()
  const workflow: Workflow = { id, name: id, ...DEFAULT_WORKFLOW, reviewRules: [], createdAt: at, updatedAt: at }
  // Two agents may name the same new workflow at once; on Postgres the second insert waits for
  // the first to commit and then does nothing, and we use the row the first one created.
  const inserted = await trx
    .insertInto("workflows")
    .values(toRow(workflow))
    .onConflict((oc) => oc.column("id").doNothing())
    .executeTakeFirst()
  if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) {
    const created = await findWorkflow(trx, id)
    if (!created) throw new Error(`workflow ${id} conflicted on insert but cannot be read`)
    return created
  }
  await appendAudit(trx, key, now, {
    event: "workflow.created",
    actor,
    workflowId: id,
    data: { reason: "a proposal named an unknown workflow; created with the approve model", after: workflow }
  })
  return workflow
}

/** Which rule ids a change of rules added, changed and removed (for the audit entry). */
function ruleChanges(before: readonly ReviewRule[], after: readonly ReviewRule[]) {
  const old = new Map(before.map((r) => [r.id, JSON.stringify(r)]))
  const now = new Map(after.map((r) => [r.id, JSON.stringify(r)]))
  return {
    added: after.filter((r) => !old.has(r.id)).map((r) => r.id),
    changed: after.filter((r) => old.has(r.id) && old.get(r.id) !== now.get(r.id)).map((r) => r.id),
    removed: before.filter((r) => !now.has(r.id)).map((r) => r.id)
  }
}

/**
 * PUT /v1/workflows/:id — creates or updates, auditing before and after (and which rules changed).
 * Partial: what the body leaves out keeps its value (a new workflow: its id as name, the approve
 * model and the other defaults).
 */
export async function upsertWorkflow(
  trx: Transaction<Database>,
  key: AuditChainKey,
  id: string,
  input: WorkflowUpsert,
  actor: AuditRecord["actor"],
  now: Date
): Promise<{ workflow: Workflow; created: boolean }> {
  const before = await findWorkflow(trx, id)
  const at = now.toISOString()
  const base: Workflow = before ?? { id, ...DEFAULT_WORKFLOW, reviewRules: [], name: id, createdAt: at, updatedAt: at }
  const after: Workflow = {
    ...base,
    name: input.name ?? base.name,
    model: input.model ?? base.model,
    threshold: input.threshold ?? base.threshold,
    quorum: input.quorum ?? base.quorum,
    expiryHours: input.expiryHours === undefined ? base.expiryHours : input.expiryHours,
    paused: input.paused ?? base.paused,
    spotCheckSize: input.spotCheckSize ?? base.spotCheckSize ?? DEFAULT_SPOT_CHECK_SIZE,
    reviewRules: input.reviewRules ?? base.reviewRules ?? [],
    updatedAt: at
  }
  if (before) await trx.updateTable("workflows").set(toRow(after)).where("id", "=", id).execute()
  else await trx.insertInto("workflows").values(toRow(after)).execute()
  await appendAudit(trx, key, now, {
    event: before ? "workflow.changed" : "workflow.created",
    actor,
    workflowId: id,
    data: { before: before ?? null, after, reviewRules: ruleChanges(before?.reviewRules ?? [], after.reviewRules ?? []) }
  })
  return { workflow: after, created: !before }
}

/**
 * Adds or replaces one review rule (PUT /v1/workflows/:id/rules/:ruleId), audited with the rule
 * before and after. Undefined when the workflow does not exist.
 */
export async function putReviewRule(
  trx: Transaction<Database>,
  key: AuditChainKey,
  workflowId: string,
  rule: ReviewRule,
  actor: AuditRecord["actor"],
  now: Date
): Promise<{ workflow: Workflow; added: boolean } | undefined> {
  const workflow = await findWorkflow(trx, workflowId)
  if (!workflow) return undefined
  const rules = workflow.reviewRules ?? []
  const previous = rules.find((r) => r.id === rule.id)
  const reviewRules = previous ? rules.map((r) => (r.id === rule.id ? rule : r)) : [...rules, rule]
  const after = await saveRules(trx, workflow, reviewRules, now)
  await appendAudit(trx, key, now, {
    event: previous ? "review_rule.changed" : "review_rule.added",
    actor,
    workflowId,
    data: { ruleId: rule.id, before: previous ?? null, after: rule }
  })
  return { workflow: after, added: !previous }
}

/** Removes one review rule, audited. Undefined when the workflow or the rule does not exist. */
export async function removeReviewRule(
  trx: Transaction<Database>,
  key: AuditChainKey,
  workflowId: string,
  ruleId: string,
  actor: AuditRecord["actor"],
  now: Date
): Promise<Workflow | undefined> {
  const workflow = await findWorkflow(trx, workflowId)
  const previous = workflow?.reviewRules?.find((r) => r.id === ruleId)
  if (!workflow || !previous) return undefined
  const after = await saveRules(
    trx,
    workflow,
    (workflow.reviewRules ?? []).filter((r) => r.id !== ruleId),
    now
  )
  await appendAudit(trx, key, now, { event: "review_rule.removed", actor, workflowId, data: { ruleId, before: previous } })
  return after
}

async function saveRules(trx: Transaction<Database>, workflow: Workflow, reviewRules: ReviewRule[], now: Date): Promise<Workflow> {
  const after: Workflow = { ...workflow, reviewRules, updatedAt: now.toISOString() }
  await trx
    .updateTable("workflows")
    .set({ review_rules: JSON.stringify(reviewRules), updated_at: after.updatedAt })
    .where("id", "=", workflow.id)
    .execute()
  return after
}

/** A reviewer's `pause` decision: the workflow holds new proposals for a human until resumed. */
export async function pauseWorkflow(trx: Transaction<Database>, id: string, now: Date): Promise<boolean> {
  const result = await trx
    .updateTable("workflows")
    .set({ paused: 1, updated_at: now.toISOString() })
    .where("id", "=", id)
    .where("paused", "=", 0)
    .executeTakeFirst()
  return Number(result.numUpdatedRows) > 0
}
