import { createRoute } from "@hono/zod-openapi"
import { Me } from "~src/domain"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"

export function meRoutes() {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/v1/me",
      summary: "Who this token is",
      security: bearerSecurity,
      responses: {
        200: { description: "The caller's name and role", content: { "application/json": { schema: Me } } },
        ...errorResponses(401)
      }
    }),
    (c) => c.json({ name: c.var.caller.name, role: c.var.caller.role }, 200)
  )
}
