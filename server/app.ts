import { OpenAPIHono } from "@hono/zod-openapi"
import type { AppEnv, Services } from "./app-env"
import { ApiError, notFound } from "./http/api-error"
import { authenticate } from "./http/auth"
import { readBodyWithin } from "./http/body"
import { corsForApi } from "./http/cors"
import { handleError } from "./http/error-handler"
import { rateLimit } from "./http/rate-limit"
import { SERVER_VERSION, healthRoutes } from "./routes/health"
import { meRoutes } from "./routes/me"
import { proposalRoutes } from "./routes/proposals"
import { decisionRoutes } from "./routes/decisions"
import { executionRoutes } from "./routes/execution"
import { cancelRoutes } from "./routes/cancel"
import { syncRoutes } from "./routes/sync"
import { workflowRoutes } from "./routes/workflows"
import { auditRoutes } from "./routes/audit"
import { statsRoutes } from "./routes/stats"
import { customDomainRoutes } from "./routes/custom-domains"
import { webhookRoutes } from "./routes/webhooks"
import { mcpRoutes } from "./routes/mcp"
import { accessRoutes } from "./routes/access"
import { reviewRuleRoutes } from "./routes/review-rules"
import { settingsRoutes } from "./routes/settings"
import { feedbackRoutes } from "./routes/feedback"

export const MAX_BODY_BYTES = 1024 * 1024

export function createApp(services: Services): OpenAPIHono<AppEnv> {
  const app = new OpenAPIHono<AppEnv>()
  app.use("*", async (c, next) => {
    c.set("services", services)
    await next()
  })
  app.use("/healthz", corsForApi)
  app.use("/v1/*", corsForApi)
  // Who is calling, then whether they may call now, and only then the body: an unauthenticated
  // or rate-limited request is answered from its headers.
  const withinBodyLimit = readBodyWithin(MAX_BODY_BYTES, (c) => {
    // The rest of the body is never read; closing stops the client reusing a half-read socket.
    c.header("Connection", "close")
    return c.json(new ApiError(413, "payload_too_large", `request body larger than ${MAX_BODY_BYTES} bytes`).toBody(), 413)
  })
  app.use("/v1/*", authenticate)
  app.use("/v1/*", rateLimit)
  app.use("/v1/*", withinBodyLimit)
  app.use("/mcp", withinBodyLimit)

  app.route("/", healthRoutes())
  app.route("/", meRoutes())
  app.route("/", proposalRoutes())
  app.route("/", decisionRoutes())
  app.route("/", executionRoutes())
  app.route("/", cancelRoutes())
  app.route("/", syncRoutes())
  app.route("/", workflowRoutes())
  app.route("/", auditRoutes())
  app.route("/", statsRoutes())
  app.route("/", customDomainRoutes())
  app.route("/", webhookRoutes())
  // MCP tools call the API in process, through this same app.
  app.route(
    "/",
    mcpRoutes((request) => app.fetch(request))
  )
  app.route("/", accessRoutes())
  app.route("/", reviewRuleRoutes())
  app.route("/", settingsRoutes())
  app.route("/", feedbackRoutes())

  app.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
    description: "A token from `npm run server -- token create --role <agent|reviewer|admin> --name <name>`"
  })
  app.doc("/openapi.json", {
    openapi: "3.0.3",
    info: {
      title: "Signoff API",
      version: SERVER_VERSION,
      description:
        "Human-in-the-loop review of AI proposals. Errors are `{error:{code,message,issues?}}`. " +
        "Live channel: a WebSocket at `/v1/live` (first message `{type: 'auth', token}`; then nudges `{type: 'changed', seq, proposalIds, more}`; see the README)."
    }
  })

  app.notFound((c) => c.json(notFound(`no route ${c.req.method} ${c.req.path}`).toBody(), 404))
  app.onError(handleError)
  return app
}
