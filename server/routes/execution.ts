import { createRoute } from "@hono/zod-openapi"
import { ExecutionReport, Proposal } from "~src/domain"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { reportExecution } from "../proposals/execute"
import { ProposalIdParams } from "./params"
import { canSee } from "../auth/visibility"
import { inScope } from "../auth/tokens"
import { outOfScope } from "../http/api-error"

const executionRoute = createRoute({
  method: "post",
  path: "/v1/proposals/{id}/execution",
  summary: "The agent reports executed / failed, bound to the approved content hash",
  description:
    "A `contentHash` other than the approved one → 409 `stale_approval`. A `snapshotHash` other than the proposal's `baseSnapshotHash` → 409 `target_changed`, and the proposal returns to pending as a new version.",
  security: bearerSecurity,
  middleware: [allow("agent")] as const,
  request: { params: ProposalIdParams, body: { required: true, content: { "application/json": { schema: ExecutionReport } } } },
  responses: {
    200: { description: "The proposal after the report", content: { "application/json": { schema: Proposal } } },
    ...errorResponses(400, 401, 403, 404, 409, 413, 429)
  }
})

export function executionRoutes() {
  return newRouter().openapi(executionRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const proposal = await reportExecution(services, caller, id, c.req.valid("json"), (row) => {
      if (!canSee(caller, row)) return false
      // The agent's own proposal, but this token is not scoped to its workflow (e.g. narrowed on rotation).
      if (!inScope(caller, row.workflow_id)) throw outOfScope(`this token may not act in workflow '${row.workflow_id}'`)
      return true
    })
    return c.json(proposal, 200)
  })
}
