import { createRoute } from "@hono/zod-openapi"
import { stream } from "hono/streaming"
import { z } from "zod"
import { AuditCheckpoint, AuditPublicKey, AuditQuery, AuditVerifyRequest, AuditVerifyResult } from "~src/domain"
import type { Services } from "../app-env"
import { auditEntryFromRow, auditRows } from "../audit/chain"
import { auditHead, signCheckpoint } from "../audit/checkpoint"
import { verifyAuditChain } from "../audit/verify"
import { conflict } from "../http/api-error"
import { csvLine } from "../http/csv"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"

// actor_principal_id is last: columns are only ever added at the end, so positional readers keep working.
const CSV_COLUMNS = ["seq", "at", "event", "actor_name", "actor_role", "proposal_id", "workflow_id", "data", "prev_hash", "hash", "actor_principal_id"] as const

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
  summary: "Verify the keyed chain and its length against the audit counter; names the first broken link",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: {
    200: { description: "The verdict", content: { "application/json": { schema: AuditVerifyResult } } },
    ...errorResponses(401, 403)
  }
})

const verifyAgainstCheckpointRoute = createRoute({
  method: "post",
  path: "/v1/audit/verify",
  summary: "Verify as GET does, and against a checkpoint kept elsewhere (detects a rewritten or truncated log)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { body: { required: true, content: { "application/json": { schema: AuditVerifyRequest } } } },
  responses: {
    200: { description: "The verdict", content: { "application/json": { schema: AuditVerifyResult } } },
    ...errorResponses(400, 401, 403, 413, 429)
  }
})

const checkpointRoute = createRoute({
  method: "get",
  path: "/v1/audit/checkpoint",
  summary: "A signed (Ed25519) head {seq, hash, at} of a verified log, to keep outside the server",
  description: "Refused (409) while the chain does not verify: a checkpoint must never bless a tampered log.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: {
    200: { description: "The checkpoint", content: { "application/json": { schema: AuditCheckpoint } } },
    ...errorResponses(401, 403, 409)
  }
})

const publicKeyRoute = createRoute({
  method: "get",
  path: "/v1/audit/public-key",
  summary: "The checkpoint key's public half (SPKI PEM): verifies a checkpoint without the server",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: {
    200: { description: "The public key", content: { "application/json": { schema: AuditPublicKey } } },
    ...errorResponses(401, 403)
  }
})

/** Signs the head of the log, after verifying the whole chain. */
export async function takeCheckpoint(services: Pick<Services, "db" | "keys" | "now">): Promise<AuditCheckpoint> {
  const verdict = await verifyAuditChain(services.db, services.keys)
  if (!verdict.ok) throw conflict(`the audit log does not verify (seq ${verdict.firstBroken?.seq}: ${verdict.firstBroken?.reason}); no checkpoint signed`)
  return signCheckpoint(services.keys, await auditHead(services.db, services.now()))
}

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
        else await out.write(csvLine(CSV_COLUMNS, row))
      }
    })
  })
  router.openapi(verifyRoute, async (c) => c.json(await verifyAuditChain(c.var.services.db, c.var.services.keys), 200))
  router.openapi(verifyAgainstCheckpointRoute, async (c) => {
    const { checkpoint } = c.req.valid("json")
    return c.json(await verifyAuditChain(c.var.services.db, c.var.services.keys, checkpoint), 200)
  })
  router.openapi(checkpointRoute, async (c) => c.json(await takeCheckpoint(c.var.services), 200))
  router.openapi(publicKeyRoute, (c) => c.json({ algorithm: "ed25519" as const, publicKey: c.var.services.keys.checkpoint.publicKeyPem }, 200))
  return router
}
