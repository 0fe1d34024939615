import { createRoute } from "@hono/zod-openapi"
import { CancelRequest, Proposal } from "~src/domain"
import { allow } from "../http/auth"
import { idempotencyKeyOf, runIdempotent } from "../http/idempotency"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { cancelProposal } from "../proposals/cancel"
import { ExpiryDue } from "../proposals/decide"
import { expireDue } from "../proposals/expiry"
import { IdempotencyHeaders, ProposalIdParams } from "./params"
import { canSee } from "../auth/visibility"

const cancelRoute = createRoute({
  method: "post",
  path: "/v1/proposals/{id}/cancel",
  summary: "The proposing agent (or an admin) withdraws a proposal that has not run",
  description:
    "Pending, approved or auto-approved → `cancelled`, with the reason recorded as a `cancel` decision and in the audit log; it leaves review queues and panels. Executed, failed or already settled → 409 with the current proposal. Agents may cancel only their own proposals (others answer 404). Idempotent with Idempotency-Key.",
  security: bearerSecurity,
  middleware: [allow("agent", "admin")] as const,
  request: {
    params: ProposalIdParams,
    headers: IdempotencyHeaders,
    body: { required: true, content: { "application/json": { schema: CancelRequest } } }
  },
  responses: {
    200: { description: "The cancelled proposal", content: { "application/json": { schema: Proposal } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 422)
  }
})

export function cancelRoutes() {
  return newRouter().openapi(cancelRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const input = c.req.valid("json")
    const key = idempotencyKeyOf(c.req.header("idempotency-key"))
    const cancel = () =>
      runIdempotent(services, caller, `POST /v1/proposals/${id}/cancel`, key, input, async (trx, afterCommit) => ({
        status: 200 as const,
        body: await cancelProposal(trx, afterCommit, services, caller, id, input, (row) => canSee(caller, row))
      }))
    try {
      return c.json((await cancel()).body, 200)
    } catch (error) {
      if (!(error instanceof ExpiryDue)) throw error
      // Past its expiry: it expires first (its own audited write), so cancelling answers 409 with it expired.
      await expireDue(services, id)
      return c.json((await cancel()).body, 200)
    }
  })
}
