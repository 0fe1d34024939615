import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import { Workflow, WorkflowId, WorkflowUpsert } from "~src/domain"
import { inTransaction } from "../db/transaction"
import { actorOf } from "../auth/tokens"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { listWorkflows, upsertWorkflow } from "../workflows/store"

const listRoute = createRoute({
  method: "get",
  path: "/v1/workflows",
  summary: "Every workflow with its oversight model, threshold, quorum, expiry, paused flag and review rules",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  responses: {
    200: { description: "Workflows by id", content: { "application/json": { schema: z.array(Workflow) } } },
    ...errorResponses(401, 403)
  }
})

const upsertRoute = createRoute({
  method: "put",
  path: "/v1/workflows/{id}",
  summary: "Create or update a workflow (admin); audited with before and after",
  description: "`reviewRules`, when given, replaces the workflow's rules (omitted: kept). The audit entry lists the rule ids added, changed and removed.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: {
    params: z.object({ id: WorkflowId }),
    body: { required: true, content: { "application/json": { schema: WorkflowUpsert } } }
  },
  responses: {
    200: { description: "Updated", content: { "application/json": { schema: Workflow } } },
    201: { description: "Created", content: { "application/json": { schema: Workflow } } },
    ...errorResponses(400, 401, 403, 413, 429)
  }
})

export function workflowRoutes() {
  const router = newRouter()
  router.openapi(listRoute, async (c) => c.json(await listWorkflows(c.var.services.db), 200))
  router.openapi(upsertRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const input = c.req.valid("json")
    const { workflow, created } = await inTransaction(services.db, (trx) =>
      upsertWorkflow(trx, services.keys.chain, id, input, actorOf(caller), services.now())
    )
    return created ? c.json(workflow, 201) : c.json(workflow, 200)
  })
  return router
}
