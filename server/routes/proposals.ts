import { createRoute } from "@hono/zod-openapi"
import { Proposal, ProposalCreate } from "~src/domain"
import { ProposalListQuery, ProposalPage, WaitQuery } from "~src/domain/api-responses"
import { ProposalHistory } from "~src/domain/history"
import { type Caller, inScope } from "../auth/tokens"
import type { Db } from "../db/connect"
import { notFound, outOfScope } from "../http/api-error"
import { allow } from "../http/auth"
import { idempotencyKeyOf, runIdempotent } from "../http/idempotency"
import { bearerSecurity, errorResponses, json, newRouter } from "../http/router"
import { checkCreatable, createProposal } from "../proposals/create"
import { expireDue } from "../proposals/expiry"
import { proposalHistory } from "../proposals/history"
import { listProposals } from "../proposals/list"
import { findProposalRow, withDecisions } from "../proposals/record"
import { waitForProposal } from "../proposals/wait"
import { IdempotencyHeaders, ProposalIdParams } from "./params"
import type { ProposalsTable } from "../db/schema"

/**
 * Agents see only the proposals their principal created (a rotated token keeps access to the
 * agent's earlier proposals); everyone else sees all.
 */
export const canSee = (caller: Caller, row: Pick<ProposalsTable, "created_by_principal">): boolean =>
  caller.role !== "agent" || row.created_by_principal === caller.principalId

/** canSee as a list filter: the creating principal an agent's listing is narrowed to (none for the others). */
export const visibleCreator = (caller: Caller): string | undefined => (caller.role === "agent" ? caller.principalId : undefined)

const createProposalRoute = createRoute({
  method: "post",
  path: "/v1/proposals",
  summary: "An agent proposes a change (idempotent with Idempotency-Key)",
  description:
    "A workflow outside the token's scope → 403 `out_of_scope`, nothing written. The response's `review` says why it is pending or auto-approved (a matching review rule names itself), and `riskAssessment` is the server's own classification of the change.",
  security: bearerSecurity,
  middleware: [allow("agent")] as const,
  request: { headers: IdempotencyHeaders, body: { required: true, content: json(ProposalCreate) } },
  responses: {
    201: { description: "Created (or the original, on an idempotent replay)", content: json(Proposal) },
    ...errorResponses(400, 401, 403, 413, 422, 429)
  }
})

const listProposalsRoute = createRoute({
  method: "get",
  path: "/v1/proposals",
  summary: "List proposals, newest first, filtered and paginated (agents: only their own)",
  description: "An agent lists the proposals its own token created, e.g. to pick up pending work after a restart.",
  security: bearerSecurity,
  middleware: [allow("agent", "reviewer")] as const,
  request: { query: ProposalListQuery },
  responses: { 200: { description: "One page", content: json(ProposalPage) }, ...errorResponses(400, 401, 403) }
})

const getProposalRoute = createRoute({
  method: "get",
  path: "/v1/proposals/{id}",
  summary: "One proposal with its decisions (agents: only their own)",
  security: bearerSecurity,
  request: { params: ProposalIdParams },
  responses: { 200: { description: "The proposal", content: json(Proposal) }, ...errorResponses(401, 404) }
})

const historyRoute = createRoute({
  method: "get",
  path: "/v1/proposals/{id}/history",
  summary: "A proposal's decision history, oldest first (agents: only their own)",
  description:
    "One timeline from the proposal's audit entries: created (with why it was held or auto-approved, and its deadline), auto-approval (the rule), each decision (principal id and name, reason, review time, approvals against the quorum; an edit with the fields sent and the change before and after), execution reports (outcome, content hash, detail), reverts, pauses, cancel and expiry.",
  security: bearerSecurity,
  request: { params: ProposalIdParams },
  responses: { 200: { description: "The timeline", content: json(ProposalHistory) }, ...errorResponses(401, 404) }
})

const waitRoute = createRoute({
  method: "get",
  path: "/v1/proposals/{id}/wait",
  summary: "Long-poll until the proposal leaves pending (or passes `version`), at most `timeout` seconds",
  security: bearerSecurity,
  request: { params: ProposalIdParams, query: WaitQuery },
  responses: {
    200: { description: "The proposal as it is when the wait ends", content: json(Proposal) },
    ...errorResponses(400, 401, 404, 429)
  }
})

export function proposalRoutes() {
  const router = newRouter()

  router.openapi(createProposalRoute, async (c) => {
    const { services, caller } = c.var
    const input = c.req.valid("json")
    if (!inScope(caller, input.workflowId))
      throw outOfScope(`this token may not propose into workflow '${input.workflowId}' (its scope: ${(caller.workflows as string[]).join(", ")})`)
    const key = idempotencyKeyOf(c.req.header("idempotency-key"))
    const response = await runIdempotent(services, caller, "POST /v1/proposals", key, input, async (trx, afterCommit) => {
      // Checked after the idempotency lookup: a retry of a request that once passed replays it.
      checkCreatable(input, services.now())
      return { status: 201 as const, body: await createProposal(trx, afterCommit, services, caller, input) }
    })
    return c.json(response.body, 201)
  })

  router.openapi(listProposalsRoute, async (c) => {
    const { services, caller } = c.var
    await expireDue(services)
    return c.json(await listProposals(services.db, c.req.valid("query"), visibleCreator(caller)), 200)
  })

  router.openapi(getProposalRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    await expireDue(services, id)
    const proposal = await loadVisible(services.db, caller, id)
    return c.json(proposal, 200)
  })

  router.openapi(historyRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    await expireDue(services, id)
    return c.json(await proposalHistory(services.db, await visibleRow(services.db, caller, id)), 200)
  })

  router.openapi(waitRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const { timeout, version } = c.req.valid("query")
    await loadVisible(services.db, caller, id)
    const proposal = await waitForProposal(services, id, timeout * 1_000, version, c.req.raw.signal)
    if (!proposal) throw notFound(`proposal ${id} not found`)
    return c.json(proposal, 200)
  })

  return router
}

/** The proposal's row if this caller may see it; otherwise 404 (an agent cannot learn others' ids exist). */
async function visibleRow(db: Db, caller: Caller, id: string): Promise<ProposalsTable> {
  const row = await findProposalRow(db, id)
  if (!row || !canSee(caller, row)) throw notFound(`proposal ${id} not found`)
  return row
}

/** The proposal if this caller may see it; otherwise 404. */
async function loadVisible(db: Db, caller: Caller, id: string): Promise<Proposal> {
  const [proposal] = await withDecisions(db, [await visibleRow(db, caller, id)])
  return proposal!
}
