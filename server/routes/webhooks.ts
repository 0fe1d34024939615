import { createRoute } from "@hono/zod-openapi"
import { z } from "zod"
import {
  Webhook,
  WebhookCreate,
  WebhookDelivery,
  WebhookDeliveryPage,
  WebhookDeliveryQuery,
  WebhookList,
  WebhookUpdate,
  WebhookWithSecret
} from "~src/domain/webhooks"
import { allow } from "../http/auth"
import { bearerSecurity, errorResponses, newRouter } from "../http/router"
import { listDeliveries, replayDelivery } from "../webhooks/deliveries"
import { createWebhook, findWebhook, listWebhooks, rotateWebhookSecret, updateWebhook } from "../webhooks/store"

const json = <S>(schema: S) => ({ "application/json": { schema } })
const WebhookIdParams = z.object({ id: z.string().min(1).max(64) })
const DeliveryParams = z.object({ id: z.string().min(1).max(64), deliveryId: z.string().min(1).max(64) })

const SIGNING =
  "Deliveries follow Standard Webhooks: headers `webhook-id`, `webhook-timestamp`, `webhook-signature: v1,<base64 HMAC-SHA256 of id.timestamp.body>`; retried on non-2xx after 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h (with jitter); a 410 disables the webhook."

const createWebhookRoute = createRoute({
  method: "post",
  path: "/v1/webhooks",
  summary: "Subscribe a URL to proposal events (admin); the `whsec_` signing secret is returned this once",
  description: `${SIGNING} URLs must be https (http only for 127.0.0.1, localhost, [::1]).`,
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { body: { required: true, content: json(WebhookCreate) } },
  responses: { 201: { description: "The webhook and its secret", content: json(WebhookWithSecret) }, ...errorResponses(400, 401, 403, 413) }
})

const listWebhooksRoute = createRoute({
  method: "get",
  path: "/v1/webhooks",
  summary: "Every webhook, enabled or not (admin); secrets are never listed",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  responses: { 200: { description: "Webhooks", content: json(WebhookList) }, ...errorResponses(401, 403) }
})

const getWebhookRoute = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}",
  summary: "One webhook (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: WebhookIdParams },
  responses: { 200: { description: "The webhook", content: json(Webhook) }, ...errorResponses(401, 403, 404) }
})

const updateWebhookRoute = createRoute({
  method: "patch",
  path: "/v1/webhooks/{id}",
  summary: "Change a webhook's URL, events or description, or disable / re-enable it (admin); audited",
  description: "Re-enabling a webhook (after a 410 or a manual disable) resumes its pending deliveries.",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: WebhookIdParams, body: { required: true, content: json(WebhookUpdate) } },
  responses: { 200: { description: "The webhook after the change", content: json(Webhook) }, ...errorResponses(400, 401, 403, 404, 413) }
})

const rotateSecretRoute = createRoute({
  method: "post",
  path: "/v1/webhooks/{id}/rotate-secret",
  summary: "A new signing secret, returned this once; for 24 h deliveries carry signatures with both (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: WebhookIdParams },
  responses: { 200: { description: "The webhook and its new secret", content: json(WebhookWithSecret) }, ...errorResponses(401, 403, 404) }
})

const listDeliveriesRoute = createRoute({
  method: "get",
  path: "/v1/webhooks/{id}/deliveries",
  summary: "A webhook's deliveries, newest first, with attempts and the last error (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: WebhookIdParams, query: WebhookDeliveryQuery },
  responses: { 200: { description: "One page", content: json(WebhookDeliveryPage) }, ...errorResponses(400, 401, 403, 404) }
})

const replayRoute = createRoute({
  method: "post",
  path: "/v1/webhooks/{id}/deliveries/{deliveryId}/replay",
  summary: "Send a delivered or failed delivery again, same `webhook-id` (admin)",
  security: bearerSecurity,
  middleware: [allow("admin")] as const,
  request: { params: DeliveryParams },
  responses: {
    200: { description: "The delivery, pending again", content: json(WebhookDelivery) },
    ...errorResponses(401, 403, 404, 409)
  }
})

export function webhookRoutes() {
  const router = newRouter()

  router.openapi(createWebhookRoute, async (c) => {
    const { services, caller } = c.var
    return c.json(await createWebhook(services.db, services.keys.chain, c.req.valid("json"), caller, services.now()), 201)
  })

  router.openapi(listWebhooksRoute, async (c) => c.json({ items: await listWebhooks(c.var.services.db) }, 200))

  router.openapi(getWebhookRoute, async (c) => c.json(await findWebhook(c.var.services.db, c.req.valid("param").id), 200))

  router.openapi(updateWebhookRoute, async (c) => {
    const { services, caller } = c.var
    return c.json(await updateWebhook(services.db, services.keys.chain, c.req.valid("param").id, c.req.valid("json"), caller, services.now()), 200)
  })

  router.openapi(rotateSecretRoute, async (c) => {
    const { services, caller } = c.var
    return c.json(await rotateWebhookSecret(services.db, services.keys.chain, c.req.valid("param").id, caller, services.now()), 200)
  })

  router.openapi(listDeliveriesRoute, async (c) => {
    const { db } = c.var.services
    const { id } = c.req.valid("param")
    await findWebhook(db, id)
    return c.json(await listDeliveries(db, id, c.req.valid("query")), 200)
  })

  router.openapi(replayRoute, async (c) => {
    const { services } = c.var
    const { id, deliveryId } = c.req.valid("param")
    return c.json(await replayDelivery(services.db, id, deliveryId, services.now()), 200)
  })

  return router
}
