import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import { StatsQuery, StatsResponse } from "~src/domain"
import { DailySummary, SUMMARY_REPORT_COLUMNS, SummaryQuery, summaryReportRows } from "~src/domain/summary"
import { csvLine } from "../http/csv"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { expireDue } from "../proposals/expiry"
import { computeStats } from "../stats/compute"
import { dailySummary } from "../summary/daily"

const statsRoute = createRoute({
  method: "get",
  path: "/v1/stats",
  summary: "Per-workflow rates, review times against the two-minute target, reasons by count, daily series and the loosening recommendation",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  request: { query: StatsQuery },
  responses: { 200: { description: "Stats for the window", content: { "application/json": { schema: StatsResponse } } }, ...errorResponses(400, 401, 403) }
})

const summaryRoute = createRoute({
  method: "get",
  path: "/v1/summary",
  summary: "Daily summary: per workflow, what ran on `date` (UTC), what was escalated, and a spot-check sample",
  description:
    "Each item carries the proposal's current `version`, `status` and `revertible`, what one-click Revert needs. `spotCheck` samples the workflow's `spotCheckSize` items of what ran (executed or auto-approved), the same ones all day. `format=csv` or `jsonl` downloads the same items as a report, one row per item and section.",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  request: { query: SummaryQuery },
  responses: {
    200: {
      description: "The day's summary (JSON), or the report (CSV, JSONL)",
      content: { "application/json": { schema: DailySummary }, "text/csv": { schema: z.string() }, "application/x-ndjson": { schema: z.string() } }
    },
    ...errorResponses(400, 401, 403)
  }
})

export function statsRoutes() {
  const router = newRouter()
  router.openapi(statsRoute, async (c) => {
    const { services } = c.var
    await expireDue(services)
    return c.json(await computeStats(services.db, services.now(), c.req.valid("query").window), 200)
  })
  router.openapi(summaryRoute, async (c) => {
    const { services } = c.var
    const { date, format } = c.req.valid("query")
    const summary = await dailySummary(services.db, services.keys.chain, date)
    if (format === "json") return c.json(summary, 200)
    const rows = summaryReportRows(summary)
    const report =
      format === "csv"
        ? `${SUMMARY_REPORT_COLUMNS.join(",")}\r\n${rows.map((row) => csvLine(SUMMARY_REPORT_COLUMNS, row)).join("")}`
        : rows.map((row) => `${JSON.stringify(row)}\n`).join("")
    return c.body(report, 200, {
      "Content-Type": format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8",
      "Content-Disposition": `attachment; filename="signoff-summary-${date}.${format}"`
    })
  })
  return router
}
