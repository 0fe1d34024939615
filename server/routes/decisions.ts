import { createRoute } from "@hono/zod-openapi"
import { DecisionCreate } from "~src/domain"
import { DecisionResult } from "~src/domain/api-responses"
import { allow } from "../http/auth"
import { idempotencyKeyOf, runIdempotent } from "../http/idempotency"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { ExpiryDue, decideProposal } from "../proposals/decide"
import { expireDue } from "../proposals/expiry"
import { IdempotencyHeaders, ProposalIdParams } from "./params"

const decideRoute = createRoute({
  method: "post",
  path: "/v1/proposals/{id}/decisions",
  summary: "A reviewer approves, edits, rejects, reverts, or pauses the workflow",
  description:
    "`proposalVersion` must be the version the reviewer saw; a stale version or a proposal no longer pending → 409 with the current proposal. Idempotent with Idempotency-Key.",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  request: {
    params: ProposalIdParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { "application/json": { schema: DecisionCreate } } }
  },
  responses: {
    200: { description: "The decision and the proposal after it", content: { "application/json": { schema: DecisionResult } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422, 429)
  }
})

export function decisionRoutes() {
  return newRouter().openapi(decideRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const input = c.req.valid("json")
    const key = idempotencyKeyOf(c.req.header("idempotency-key"))
    const scope = `POST /v1/proposals/${id}/decisions`
    const decide = () =>
      runIdempotent(services, caller, scope, key, input, async (trx, afterCommit) => ({
        status: 200 as const,
        body: await decideProposal(trx, afterCommit, services, caller, id, input)
      }))
    try {
      return c.json((await decide()).body, 200)
    } catch (error) {
      if (!(error instanceof ExpiryDue)) throw error
      // Past its expiry: expired first (its own audited write, kept when the decision is
      // refused), so deciding it answers 409 with the expired proposal. Checked inside the
      // decision's transaction, so the common case costs no extra query.
      await expireDue(services, id)
      return c.json((await decide()).body, 200)
    }
  })
}
