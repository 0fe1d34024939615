import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import { MAX_REVIEW_RULES, ReviewRuleBody, ReviewRuleId, Workflow, WorkflowId } from "~src/domain"
import { actorOf } from "../auth/tokens"
import { inTransaction } from "../db/transaction"
import { badRequest, notFound } from "../http/api-error"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, json, newRouter } from "../http/router"
import { findWorkflow, putReviewRule, removeReviewRule } from "../workflows/store"

const RuleParams = z.object({ id: WorkflowId, ruleId: ReviewRuleId })

const putRuleRoute = createRoute({
  method: "put",
  path: "/v1/workflows/{id}/rules/{ruleId}",
  summary: "Add or replace one review rule of a workflow (admin); audited with the rule before and after",
  description:
    "A proposal matching any rule waits for a person whatever the model, confidence or flags, and its `review` names the rule. `match` fields are optional and all must hold: `changeKinds`, `minRecords` (bulk total), `fields` (fields touched), `minSegmentSize`, `minMqlShiftPct` (absolute), `platforms`.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: RuleParams, body: { required: true, content: json(ReviewRuleBody) } },
  responses: {
    200: { description: "The workflow with the rule replaced", content: json(Workflow) },
    201: { description: "The workflow with the rule added", content: json(Workflow) },
    ...errorResponses(400, 401, 403, 404, 413, 429)
  }
})

const deleteRuleRoute = createRoute({
  method: "delete",
  path: "/v1/workflows/{id}/rules/{ruleId}",
  summary: "Remove one review rule (admin); audited",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: RuleParams },
  responses: { 200: { description: "The workflow without the rule", content: json(Workflow) }, ...errorResponses(401, 403, 404, 429) }
})

export function reviewRuleRoutes() {
  const router = newRouter()
  router.openapi(putRuleRoute, async (c) => {
    const { services, caller } = c.var
    const { id, ruleId } = c.req.valid("param")
    const body = c.req.valid("json")
    const result = await inTransaction(services.db, async (trx) => {
      const workflow = await findWorkflow(trx, id)
      const rules = workflow?.reviewRules ?? []
      if (workflow && rules.length >= MAX_REVIEW_RULES && !rules.some((r) => r.id === ruleId))
        throw badRequest(`a workflow holds at most ${MAX_REVIEW_RULES} review rules`)
      return putReviewRule(trx, services.keys.chain, id, { id: ruleId, ...body }, actorOf(caller), services.now())
    })
    if (!result) throw notFound(`workflow ${id} not found`)
    return result.added ? c.json(result.workflow, 201) : c.json(result.workflow, 200)
  })
  router.openapi(deleteRuleRoute, async (c) => {
    const { services, caller } = c.var
    const { id, ruleId } = c.req.valid("param")
    const workflow = await inTransaction(services.db, (trx) => removeReviewRule(trx, services.keys.chain, id, ruleId, actorOf(caller), services.now()))
    if (!workflow) throw notFound(`workflow ${id} has no review rule ${ruleId}`)
    return c.json(workflow, 200)
  })
  return router
}
