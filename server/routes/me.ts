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
        200: {
          description: "The caller's principal (name, role, id), this token's id, workflow scope and expiry",
          content: { "application/json": { schema: Me } }
        },
        ...errorResponses(401)
      }
    }),
    (c) => {
      const { name, role, principalId, tokenId, workflows, expiresAt } = c.var.caller
      return c.json({ name, role, principalId, tokenId, workflows, expiresAt }, 200)
    }
  )
}
