import { createRoute } from "@hono/zod-openapi"
import { StatsQuery, StatsResponse } from "~src/domain"
import { DailySummary, SummaryQuery } from "~src/domain/api-responses"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { expireDue } from "../proposals/expiry"
import { computeStats } from "../stats/compute"
import { dailySummary } from "../summary/daily"

const statsRoute = createRoute({
  method: "get",
  path: "/v1/stats",
  summary: "Per-workflow rates, review times, daily series and the loosening recommendation",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  request: { query: StatsQuery },
  responses: { 200: { description: "Stats for the window", content: { "application/json": { schema: StatsResponse } } }, ...errorResponses(400, 401, 403) }
})

const summaryRoute = createRoute({
  method: "get",
  path: "/v1/summary",
  summary: "Daily summary: per workflow, what ran (executed, auto-approved, reverted, failed) on `date`",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  request: { query: SummaryQuery },
  responses: { 200: { description: "The day's summary", content: { "application/json": { schema: DailySummary } } }, ...errorResponses(400, 401, 403) }
})

export function statsRoutes() {
  const router = newRouter()
  router.openapi(statsRoute, async (c) => {
    const { services } = c.var
    await expireDue(services)
    return c.json(await computeStats(services.db, services.now(), c.req.valid("query").window), 200)
  })
  router.openapi(summaryRoute, async (c) => c.json(await dailySummary(c.var.services.db, c.req.valid("query").date), 200))
  return router
}
