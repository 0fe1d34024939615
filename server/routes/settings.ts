import { createRoute } from "@hono/zod-openapi"
import { DeadlineSettings, DeadlineSettingsUpdate } from "~src/domain/deadlines"
import { actorOf } from "../auth/tokens"
import { inTransaction } from "../db/transaction"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, json, newRouter } from "../http/router"
import { readDeadlineSettings, writeDeadlineSettings } from "../settings/deadlines"

const getDeadlinesRoute = createRoute({
  method: "get",
  path: "/v1/settings/deadlines",
  summary: "Default deadline per tier (oversight model) and the reminder share",
  description:
    "A workflow without its own `expiryHours` gives its new proposals its tier's default; the reminder (`proposal.expiring`, the proposal's `remindAt`) is due at `reminderShare` of the time to expiry. Readable by reviewers (the extension shows deadlines and reminds at the same point).",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  responses: { 200: { description: "The settings", content: json(DeadlineSettings) }, ...errorResponses(401, 403) }
})

const putDeadlinesRoute = createRoute({
  method: "put",
  path: "/v1/settings/deadlines",
  summary: "Change the default deadlines per tier or the reminder share (admin); audited with before and after",
  description:
    "Fields left out are kept; `null` removes a tier's default. Applies to proposals created from now on: existing ones keep their `expiresAt` and `remindAt`.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { body: { required: true, content: json(DeadlineSettingsUpdate) } },
  responses: { 200: { description: "The settings after the change", content: json(DeadlineSettings) }, ...errorResponses(400, 401, 403, 413, 429) }
})

export function settingsRoutes() {
  const router = newRouter()
  router.openapi(getDeadlinesRoute, async (c) => c.json(await readDeadlineSettings(c.var.services.db), 200))
  router.openapi(putDeadlinesRoute, async (c) => {
    const { services, caller } = c.var
    const update = c.req.valid("json")
    const settings = await inTransaction(services.db, (trx) => writeDeadlineSettings(trx, services.keys.chain, update, actorOf(caller), services.now()))
    return c.json(settings, 200)
  })
  return router
}
