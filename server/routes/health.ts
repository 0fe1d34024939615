import { createRoute } from "@hono/zod-openapi"
import { Health } from "~src/domain/api-responses"
import { newRouter } from "../http/router"

export const SERVER_VERSION = "1.0.0"

export function healthRoutes() {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/healthz",
      summary: "Liveness (no auth)",
      responses: { 200: { description: "The server is up", content: { "application/json": { schema: Health } } } }
    }),
    (c) => c.json({ ok: true as const, version: SERVER_VERSION }, 200)
  )
}
