import { DecisionCreate, ProposalCreate, type Role, WorkflowUpsert } from "~src/domain"
import type { Services } from "../app-env"
import type { AuditKeys } from "../audit/keys"
import { type Caller, actorOf, issueTokenFor } from "../auth/tokens"
import type { Db } from "../db/connect"
import { inTransaction } from "../db/transaction"
import { callerHasRole } from "../http/auth"
import { DEFAULT_RATE_LIMITS, RateLimiter } from "../http/rate-limit"
import { checkCreatable, createProposal } from "../proposals/create"
import { decideProposal } from "../proposals/decide"
import { reportExecution } from "../proposals/execute"
import { localChangeFeed } from "../proposals/change-feed"
import { ProposalEvents } from "../proposals/events"
import { findProposalRow } from "../proposals/record"
import { upsertWorkflow } from "../workflows/store"

/**
 * Past activity written with explicit timestamps, for `npm run demo` and tests that need weeks of
 * decisions (the loosening advisor's data). Deliberately not reachable over HTTP: the API only ever
 * writes at the server's own clock, so nobody can backdate a decision through it. This runs the
 * very code the routes run (workflow upsert, proposal creation, decision, execution report), one
 * transaction per event as the API would, with the clock set to each event's time. So every row,
 * policy decision and audit entry is what the server would have written then, and the audit
 * chain, appended under the real key, verifies afterwards.
 *
 * The audit log is ordered by `seq`; to keep its `at` non-decreasing along it, a history may only
 * start at or after the log's last entry (in practice: on a fresh database, before anyone else
 * writes) and may not reach into the future.
 */

/** Someone who acts in the history; a principal with one token is created for each, at the first event's time. */
export interface HistoryPerson {
  name: string
  role: Role
}

export type DatedEvent =
  | { at: Date; type: "workflow"; by: string; workflowId: string; body: WorkflowUpsert }
  | { at: Date; type: "propose"; by: string; ref: string; proposal: ProposalCreate }
  | { at: Date; type: "decide"; by: string; ref: string; decision: Omit<DecisionCreate, "proposalVersion"> }
  | { at: Date; type: "execute"; by: string; ref: string; outcome?: "executed" | "failed" }

export interface DatedHistory {
  /** Keyed by the handle events name in `by`. */
  people: Record<string, HistoryPerson>
  /** In time order. */
  events: DatedEvent[]
}

export interface SeededHistory {
  /** Per person handle: the token issued for them (usable afterwards, like any token) and their principal. */
  people: Record<string, { token: string; principalId: string }>
  /** Proposal id per event `ref`. */
  proposals: Record<string, string>
  events: number
}

/** Why a history cannot be written (checked before anything is). */
export class HistoryRefused extends Error {
  override readonly name = "HistoryRefused"
}

export async function seedDatedHistory(data: { db: Db; keys: AuditKeys }, history: DatedHistory, realNow: Date = new Date()): Promise<SeededHistory> {
  await checkHistory(data.db, history, realNow)
  let clock = history.events[0]?.at ?? realNow
  // Written before any server serves this database: nobody waits or listens yet, so changes stay in process.
  const events = new ProposalEvents()
  const services: Services = {
    db: data.db,
    keys: data.keys,
    events,
    changes: localChangeFeed(events),
    limiter: new RateLimiter(DEFAULT_RATE_LIMITS),
    now: () => clock
  }

  const callers = new Map<string, Caller>()
  const people: SeededHistory["people"] = {}
  for (const [handle, person] of Object.entries(history.people)) {
    const issued = await inTransaction(data.db, (trx) =>
      issueTokenFor(trx, data.keys.chain, { name: "seed", role: "admin" }, { principal: { name: person.name, role: person.role } }, {}, clock)
    )
    people[handle] = { token: issued.token, principalId: issued.principal.id }
    callers.set(handle, {
      tokenId: issued.info.id,
      principalId: issued.principal.id,
      role: issued.principal.role,
      name: issued.principal.name,
      workflows: issued.info.workflows,
      expiresAt: null
    })
  }

  const proposals: Record<string, string> = {}
  const idOf = (ref: string) => {
    const id = proposals[ref]
    if (!id) throw new HistoryRefused(`event names proposal "${ref}" before it was proposed`)
    return id
  }
  for (const event of history.events) {
    clock = event.at
    const caller = callers.get(event.by)!
    switch (event.type) {
      case "workflow": {
        const body = WorkflowUpsert.parse(event.body)
        await inTransaction(data.db, (trx) => upsertWorkflow(trx, data.keys.chain, event.workflowId, body, actorOf(caller), clock))
        break
      }
      case "propose": {
        // Validated as the route validates a body (defaults, unknown fields refused).
        const input = ProposalCreate.parse(event.proposal)
        checkCreatable(input, clock)
        const created = await inTransaction(data.db, (trx, afterCommit) => createProposal(trx, afterCommit, services, caller, input))
        proposals[event.ref] = created.id
        break
      }
      case "decide": {
        const id = idOf(event.ref)
        const row = await findProposalRow(data.db, id)
        const decision = DecisionCreate.parse({ ...event.decision, proposalVersion: Number(row!.version) })
        await inTransaction(data.db, (trx, afterCommit) => decideProposal(trx, afterCommit, services, caller, id, decision))
        break
      }
      case "execute": {
        const id = idOf(event.ref)
        const row = await findProposalRow(data.db, id)
        await reportExecution(services, caller, id, { outcome: event.outcome ?? "executed", contentHash: row!.content_hash ?? "" }, () => true)
        break
      }
    }
  }
  return { people, proposals, events: history.events.length }
}

/** Who may do what: the roles the routes allow (server/routes/*.ts), so a history cannot have an agent decide. */
const ROLE_FOR: Record<DatedEvent["type"], Role> = { workflow: "admin", propose: "agent", decide: "reviewer", execute: "agent" }

async function checkHistory(db: Db, history: DatedHistory, realNow: Date): Promise<void> {
  const { events, people } = history
  for (const [i, event] of events.entries()) {
    const person = people[event.by]
    if (!person) throw new HistoryRefused(`event ${i} is by "${event.by}", who is not among the history's people`)
    if (!callerHasRole(person.role, [ROLE_FOR[event.type]]))
      throw new HistoryRefused(`event ${i} (${event.type}) is by ${person.name}, a ${person.role}; it needs the ${ROLE_FOR[event.type]} role`)
    if (Number.isNaN(event.at.getTime())) throw new HistoryRefused(`event ${i} has no valid time`)
    if (i > 0 && event.at < events[i - 1]!.at) throw new HistoryRefused(`event ${i} (${event.at.toISOString()}) is earlier than the one before it`)
  }
  const first = events[0]?.at
  const last = events.at(-1)?.at
  if (last && last > realNow) throw new HistoryRefused(`the history reaches into the future (${last.toISOString()})`)
  const head = await db.selectFrom("audit_log").select("at").orderBy("seq", "desc").limit(1).executeTakeFirst()
  if (first && head && first.toISOString() < head.at)
    throw new HistoryRefused(`the history starts at ${first.toISOString()}, before the audit log's last entry (${head.at}): seed it into a fresh database`)
}
