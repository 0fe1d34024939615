import { createRoute } from "@hono/zod-openapi"
import { stream } from "hono/streaming"
import { z } from "zod"
import { AuditQuery, AuditVerifyResult } from "~src/domain"
import { auditEntryFromRow, auditRows } from "../audit/chain"
import { verifyAuditChain } from "../audit/verify"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"

const CSV_COLUMNS = ["seq", "at", "event", "actor_name", "actor_role", "proposal_id", "workflow_id", "data", "prev_hash", "hash"] as const

/** RFC 4180 quoting: wrap in quotes when needed, double the quotes inside. */
function csvField(value: string | number | null): string {
  const text = value === null ? "" : String(value)
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text
}

const exportRoute = createRoute({
  method: "get",
  path: "/v1/audit",
  summary: "Export the audit log (admin), streamed as JSONL or CSV, optionally between `from` and `to`",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { query: AuditQuery },
  responses: {
    200: {
      description: "One entry per line (JSONL) or per row (CSV), in seq order",
      content: { "application/x-ndjson": { schema: z.string() }, "text/csv": { schema: z.string() } }
    },
    ...errorResponses(400, 401, 403)
  }
})

const verifyRoute = createRoute({
  method: "get",
  path: "/v1/audit/verify",
  summary: "Verify the hash chain; names the first broken link",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: {
    200: { description: "The verdict", content: { "application/json": { schema: AuditVerifyResult } } },
    ...errorResponses(401, 403)
  }
})

export function auditRoutes() {
  const router = newRouter()
  router.openapi(exportRoute, (c) => {
    const { format, from, to } = c.req.valid("query")
    const range = {
      from: from ? new Date(from).toISOString() : undefined,
      to: to ? new Date(to).toISOString() : undefined
    }
    const db = c.var.services.db
    c.header("Content-Type", format === "csv" ? "text/csv; charset=utf-8" : "application/x-ndjson; charset=utf-8")
    c.header("Content-Disposition", `attachment; filename="signoff-audit.${format}"`)
    return stream(c, async (out) => {
      if (format === "csv") await out.write(`${CSV_COLUMNS.join(",")}\r\n`)
      for await (const row of auditRows(db, range)) {
        if (out.aborted) return
        if (format === "jsonl") await out.write(`${JSON.stringify(auditEntryFromRow(row))}\n`)
        else await out.write(`${CSV_COLUMNS.map((column) => csvField(row[column])).join(",")}\r\n`)
      }
    })
  })
  router.openapi(verifyRoute, async (c) => c.json(await verifyAuditChain(c.var.services.db), 200))
  return router
}
