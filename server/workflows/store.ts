import type { Kysely, Transaction } from "kysely"
import type { Workflow, WorkflowUpsert } from "~src/domain"
import { appendAudit } from "../audit/chain"
import type { Caller } from "../auth/tokens"
import type { Database, WorkflowsTable } from "../db/schema"

type Reader = Kysely<Database> | Transaction<Database>

/** An unknown workflow starts at the strictest model: never start autonomous (SPEC §1). */
export const DEFAULT_WORKFLOW = { model: "approve", threshold: 0.9, quorum: 1, expiryHours: null, paused: false } as const

export function workflowFromRow(row: WorkflowsTable): Workflow {
  return {
    id: row.id,
    name: row.name,
    model: row.model as Workflow["model"],
    threshold: Number(row.threshold),
    quorum: Number(row.quorum),
    expiryHours: row.expiry_hours === null ? null : Number(row.expiry_hours),
    paused: Number(row.paused) === 1,
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
    created_at: w.createdAt,
    updated_at: w.updatedAt
  }
}

/** The workflow a proposal names, created with the `approve` model (and audited) when unknown. */
export async function ensureWorkflow(trx: Transaction<Database>, id: string, caller: Caller, now: Date): Promise<Workflow> {
  const existing = await findWorkflow(trx, id)
  if (existing) return existing
  const at = now.toISOString()
  const workflow: Workflow = { id, name: id, ...DEFAULT_WORKFLOW, createdAt: at, updatedAt: at }
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
  await appendAudit(trx, now, {
    event: "workflow.created",
    actor: { name: caller.name, role: caller.role },
    workflowId: id,
    data: { reason: "a proposal named an unknown workflow; created with the approve model", after: workflow }
  })
  return workflow
}

/** PUT /v1/workflows/:id — creates or updates, auditing before and after. */
export async function upsertWorkflow(
  trx: Transaction<Database>,
  id: string,
  input: WorkflowUpsert,
  caller: Caller,
  now: Date
): Promise<{ workflow: Workflow; created: boolean }> {
  const before = await findWorkflow(trx, id)
  const at = now.toISOString()
  const base = before ?? { id, ...DEFAULT_WORKFLOW, name: input.name, createdAt: at, updatedAt: at }
  const after: Workflow = {
    ...base,
    name: input.name,
    model: input.model,
    threshold: input.threshold ?? base.threshold,
    quorum: input.quorum ?? base.quorum,
    expiryHours: input.expiryHours === undefined ? base.expiryHours : input.expiryHours,
    paused: input.paused ?? base.paused,
    updatedAt: at
  }
  if (before) await trx.updateTable("workflows").set(toRow(after)).where("id", "=", id).execute()
  else await trx.insertInto("workflows").values(toRow(after)).execute()
  await appendAudit(trx, now, {
    event: before ? "workflow.changed" : "workflow.created",
    actor: { name: caller.name, role: caller.role },
    workflowId: id,
    data: { before: before ?? null, after }
  })
  return { workflow: after, created: !before }
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
