import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import { CreatedToken, Principal, PrincipalCreate, PrincipalWithTokens, TokenCreate, TokenInfo, TokenListQuery } from "~src/domain"
import { createPrincipal, listPrincipals } from "../auth/principals"
import { actorOf, issueTokenFor, listTokens, revokeToken } from "../auth/tokens"
import { inTransaction } from "../db/transaction"
import { notFound } from "../http/api-error"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, json, newRouter } from "../http/router"

const TokenIdParams = z.object({ id: z.string().min(1).max(64) })

const listPrincipalsRoute = createRoute({
  method: "get",
  path: "/v1/principals",
  summary: "People and agents, each with its tokens (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: { 200: { description: "Oldest first", content: json(z.array(PrincipalWithTokens)) }, ...errorResponses(401, 403) }
})

const createPrincipalRoute = createRoute({
  method: "post",
  path: "/v1/principals",
  summary: "A new person or agent, without a token yet (admin); audited",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { body: { required: true, content: json(PrincipalCreate) } },
  responses: { 201: { description: "Created", content: json(Principal) }, ...errorResponses(400, 401, 403, 413, 429) }
})

const listTokensRoute = createRoute({
  method: "get",
  path: "/v1/tokens",
  summary: "Every token (never its secret), optionally of one principal (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { query: TokenListQuery },
  responses: { 200: { description: "Oldest first", content: json(z.array(TokenInfo)) }, ...errorResponses(400, 401, 403) }
})

const createTokenRoute = createRoute({
  method: "post",
  path: "/v1/tokens",
  summary: "Issue a token for a principal, or for a new one (admin); audited. The secret is in this response only",
  description: "`workflows` scopes an agent token (`*` = any, the default); people's tokens are always `*`. `expiresAt` must be in the future.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { body: { required: true, content: json(TokenCreate) } },
  responses: { 201: { description: "Created", content: json(CreatedToken) }, ...errorResponses(400, 401, 403, 404, 413, 429) }
})

const revokeTokenRoute = createRoute({
  method: "post",
  path: "/v1/tokens/{id}/revoke",
  summary: "Revoke a token (admin); audited. It answers 401 from then on; revoking twice changes nothing",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: TokenIdParams },
  responses: { 200: { description: "The revoked token", content: json(TokenInfo) }, ...errorResponses(401, 403, 404, 429) }
})

/** Principals and tokens: who may call the API, managed by admins (the CLI does the same). */
export function accessRoutes() {
  const router = newRouter()
  router.openapi(listPrincipalsRoute, async (c) => {
    const { db } = c.var.services
    const [principals, tokens] = await Promise.all([listPrincipals(db), listTokens(db)])
    return c.json(
      principals.map((p) => ({ ...p, tokens: tokens.filter((t) => t.principalId === p.id) })),
      200
    )
  })
  router.openapi(createPrincipalRoute, async (c) => {
    const { services, caller } = c.var
    const input = c.req.valid("json")
    const principal = await inTransaction(services.db, (trx) => createPrincipal(trx, services.keys.chain, actorOf(caller), input, services.now()))
    return c.json(principal, 201)
  })
  router.openapi(listTokensRoute, async (c) => c.json(await listTokens(c.var.services.db, c.req.valid("query").principalId), 200))
  router.openapi(createTokenRoute, async (c) => {
    const { services, caller } = c.var
    const input = c.req.valid("json")
    const who = input.principalId !== undefined ? { principalId: input.principalId } : { principal: input.principal! }
    const request = { name: input.name, workflows: input.workflows, expiresAt: input.expiresAt === undefined ? undefined : new Date(input.expiresAt) }
    const created = await inTransaction(services.db, (trx) => issueTokenFor(trx, services.keys.chain, actorOf(caller), who, request, services.now()))
    return c.json(created, 201)
  })
  router.openapi(revokeTokenRoute, async (c) => {
    const { services, caller } = c.var
    const { id } = c.req.valid("param")
    const revoked = await inTransaction(services.db, (trx) => revokeToken(trx, services.keys.chain, actorOf(caller), id, services.now()))
    if (!revoked) throw notFound(`token ${id} not found`)
    return c.json(revoked, 200)
  })
  return router
}
