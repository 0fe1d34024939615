import type { MiddlewareHandler } from "hono"

const PREFLIGHT_HEADERS = {
  "Access-Control-Allow-Origin": "*",
  "Access-Control-Allow-Methods": "GET,POST,PUT,PATCH,DELETE,OPTIONS",
  "Access-Control-Allow-Headers": "Authorization,Content-Type,Idempotency-Key",
  "Access-Control-Max-Age": "600",
  Vary: "Access-Control-Request-Headers"
}

/**
 * CORS for any origin: auth is a bearer token (no cookies), and the extension's service worker
 * calls from a chrome-extension:// origin that an admin cannot list in advance.
 *
 * The same headers as `hono/cors` with `origin: "*"`, added after the handler instead of before:
 * hono/cors touches `c.res` before `next()`, so the handler's response is then copied into a new
 * one through its body stream (hono's `set res`), and @hono/node-server must pump that stream
 * instead of writing the JSON string at once — a measurable share of every /v1 request.
 */
export const corsForApi: MiddlewareHandler = async (c, next) => {
  if (c.req.method === "OPTIONS") return c.body(null, 204, PREFLIGHT_HEADERS)
  await next()
  c.res.headers.set("Access-Control-Allow-Origin", "*")
  // A 429's Retry-After is not a CORS-safelisted header: without this a page could not read it.
  if (c.res.status === 429) c.res.headers.set("Access-Control-Expose-Headers", "Retry-After")
}
