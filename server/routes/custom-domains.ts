import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import { CustomDomainHost, CustomDomainUpsert, isBuiltInHost, ServerCustomDomain } from "~src/domain/custom-domains"
import { deleteCustomDomain, listCustomDomains, putCustomDomain } from "../custom-domains/store"
import { inTransaction } from "../db/transaction"
import { badRequest, notFound } from "../http/api-error"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"

const json = <S>(schema: S) => ({ "application/json": { schema } })
const HostParams = z.object({ host: CustomDomainHost })

const listRoute = createRoute({
  method: "get",
  path: "/v1/custom-domains",
  summary: "Hosts where a platform runs on the customer's own domain (target URLs on them are accepted)",
  security: bearerSecurity,
  middleware: [allow("reviewer")] as const,
  responses: { 200: { description: "By host", content: json(z.array(ServerCustomDomain)) }, ...errorResponses(401, 403) }
})

const putRoute = createRoute({
  method: "put",
  path: "/v1/custom-domains/{host}",
  summary: "Register a custom domain for a platform (admin); audited",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: HostParams, body: { required: true, content: json(CustomDomainUpsert) } },
  responses: {
    200: { description: "Updated", content: json(ServerCustomDomain) },
    201: { description: "Registered", content: json(ServerCustomDomain) },
    ...errorResponses(400, 401, 403, 413)
  }
})

const deleteRoute = createRoute({
  method: "delete",
  path: "/v1/custom-domains/{host}",
  summary: "Remove a custom domain (admin); audited",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: HostParams },
  responses: { 204: { description: "Removed" }, ...errorResponses(400, 401, 403, 404) }
})

export function customDomainRoutes() {
  const router = newRouter()
  router.openapi(listRoute, async (c) => c.json(await listCustomDomains(c.var.services.db), 200))
  router.openapi(putRoute, async (c) => {
    const { services, caller } = c.var
    const { host } = c.req.valid("param")
    const { platform } = c.req.valid("json")
    if (isBuiltInHost(host)) throw badRequest(`${host} is one of the platforms' own hosts; it needs no registration`)
    const { domain, created } = await inTransaction(services.db, (trx) => putCustomDomain(trx, services.keys.chain, host, platform, caller, services.now()))
    return created ? c.json(domain, 201) : c.json(domain, 200)
  })
  router.openapi(deleteRoute, async (c) => {
    const { services, caller } = c.var
    const { host } = c.req.valid("param")
    const removed = await inTransaction(services.db, (trx) => deleteCustomDomain(trx, services.keys.chain, host, caller, services.now()))
    if (!removed) throw notFound(`no custom domain ${host}`)
    return c.body(null, 204)
  })
  return router
}
