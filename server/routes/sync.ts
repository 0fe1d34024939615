import { createRoute } from "@hono/zod-openapi"
import { SyncPage, SyncQuery } from "~src/domain"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { expireDue } from "../proposals/expiry"
import { syncPage } from "../proposals/sync"

export function syncRoutes() {
  return newRouter().openapi(
    createRoute({
      method: "get",
      path: "/v1/sync",
      summary: "Delta feed: proposals changed after `since`, ordered by their monotonic `seq`",
      security: bearerSecurity,
      middleware: [allow("reviewer")] as const,
      request: { query: SyncQuery },
      responses: {
        200: { description: "`{items, nextSince, hasMore}`", content: { "application/json": { schema: SyncPage } } },
        ...errorResponses(400, 401, 403)
      }
    }),
    async (c) => {
      const { services } = c.var
      await expireDue(services)
      const { since, limit } = c.req.valid("query")
      return c.json(await syncPage(services.db, since, limit), 200)
    }
  )
}
