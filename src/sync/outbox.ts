import { toLocalProposal, type CachedProposal, type SignoffDatabase } from "~src/db"
import { sameAccount, type Account } from "~src/domain"
import { toDecisionCreate, type DecisionRequest } from "~src/local/decision-request"
import { toQueueEntry } from "~src/local/queue-entry"
import { localStateByProposal } from "./local-state"

export class UnknownProposalError extends Error {
  constructor(readonly proposalId: string) {
    super(`Proposal ${proposalId} is not in the local cache; sync first`)
    this.name = "UnknownProposalError"
  }
}

/**
 * Queue a decision: outbox entry (with its idempotency key, generated here once, and the account
 * it is made under) and the optimistic `local.pendingAction` on the cached proposal, in one
 * transaction. Refused decisions previously recorded for the proposal are superseded by this one.
 * A double click queues one entry.
 */
export async function enqueueDecision(
  db: SignoffDatabase,
  request: DecisionRequest,
  { now, account, newKey = () => crypto.randomUUID() }: { now: number; account: Account; newKey?: () => string }
): Promise<CachedProposal> {
  const body = toDecisionCreate(request)
  return db.transaction("rw", db.outbox, db.proposals, async () => {
    const cached = await db.proposals.get(request.proposalId)
    if (!cached) throw new UnknownProposalError(request.proposalId)
    const earlier = await db.outbox.where("proposalId").equals(request.proposalId).toArray()
    const duplicate = earlier.find((e) => e.state === "pending" && e.body.action === body.action && e.body.proposalVersion === body.proposalVersion)
    if (!duplicate) {
      const refused = earlier.filter((e) => e.state !== "pending").map((e) => e.id!)
      await db.outbox.bulkDelete(refused)
      const at = new Date(now).toISOString()
      await db.outbox.add({
        idempotencyKey: newKey(),
        proposalId: request.proposalId,
        body,
        state: "pending",
        attempts: 0,
        nextAttemptAt: now,
        lastError: null,
        createdAt: at,
        updatedAt: at,
        account,
        snapshot: toQueueEntry(toLocalProposal(cached))
      })
    }
    return (await refreshLocalState(db, [request.proposalId]))[0]
  })
}

/**
 * The user read the conflict/failure notice, or discards a decision another account queued: drop
 * the refused entries and those waiting for another account, so the proposal shows the server's
 * state only. Entries this account will still send are kept.
 */
export async function dismissRefusedDecisions(db: SignoffDatabase, proposalId: string, account: Account | null): Promise<CachedProposal | undefined> {
  return db.transaction("rw", db.outbox, db.proposals, async () => {
    await db.outbox
      .where("proposalId")
      .equals(proposalId)
      .and((e) => e.state !== "pending" || (account !== null && e.account !== undefined && !sameAccount(e.account, account)))
      .delete()
    return (await refreshLocalState(db, [proposalId]))[0]
  })
}

/** Re-derive `local` on the given cached proposals from the outbox. Call inside a rw transaction on both tables. */
export async function refreshLocalState(db: SignoffDatabase, proposalIds: readonly string[]): Promise<CachedProposal[]> {
  const entries = await db.outbox.where("proposalId").anyOf(proposalIds).toArray()
  const local = localStateByProposal(entries)
  const updated: CachedProposal[] = []
  for (const p of await db.proposals.bulkGet([...proposalIds])) {
    if (!p) continue
    const { local: _old, ...server } = p
    const state = local.get(p.id)
    updated.push(state ? { ...server, local: state } : server)
  }
  await db.proposals.bulkPut(updated)
  return updated
}

export const countPendingDecisions = (db: SignoffDatabase) => db.outbox.where("state").equals("pending").count()
