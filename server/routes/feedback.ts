import { createRoute } from "@hono/zod-openapi"
import { stream } from "hono/streaming"
import { z } from "zod"
import { FeedbackQuery } from "~src/domain/feedback"
import { feedbackRecords } from "../feedback/export"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"

const feedbackRoute = createRoute({
  method: "get",
  path: "/v1/feedback",
  summary: "Export every proposal a person decided, for the AI team (admin): JSONL, streamed",
  description:
    "One FeedbackRecord per line: the proposal as the agent sent it (change, evidence, confidence), the outcome (approved, edited, rejected, reverted), the reason code and text, every judgment with who made it and its review time, and for an edit the agent's and the reviewer's versions (a preference pair). Ordered by `decidedAt` (the last judgment); `since` keeps those decided at or after it, so a later revert sends a proposal again. `workflowId` narrows to one workflow.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { query: FeedbackQuery },
  responses: {
    200: { description: "One FeedbackRecord per line (src/domain/feedback.ts)", content: { "application/x-ndjson": { schema: z.string() } } },
    ...errorResponses(400, 401, 403)
  }
})

export function feedbackRoutes() {
  return newRouter().openapi(feedbackRoute, (c) => {
    const query = c.req.valid("query")
    const db = c.var.services.db
    c.header("Content-Type", "application/x-ndjson; charset=utf-8")
    c.header("Content-Disposition", 'attachment; filename="signoff-feedback.jsonl"')
    const body = stream(c, async (out) => {
      for await (const record of feedbackRecords(db, query)) {
        if (out.aborted) return
        await out.write(`${JSON.stringify(record)}\n`)
      }
    })
    // zod-openapi types any `application/…json…` content (x-ndjson too) as a JSON body; this is a stream.
    return body as never
  })
}
