import type { IncomingMessage } from "node:http"
import type { Context, MiddlewareHandler } from "hono"
import { bodyLimit } from "hono/body-limit"

type TooLarge = (c: Context) => Response | Promise<Response>

/** What @hono/node-server passes as `c.env`; absent when the app is called through `app.fetch`. */
type NodeBindings = { incoming?: IncomingMessage & { rawBody?: Buffer } } | undefined

/**
 * Reads a request body of at most `maxBytes` straight from Node's IncomingMessage, else answers
 * with `onTooLarge` (a declared Content-Length over the limit is refused without reading).
 *
 * Why not `hono/body-limit` plus `c.req.json()`: on @hono/node-server both turn the request into
 * a full WHATWG Request whose body is the IncomingMessage adapted to a web stream, then read
 * through undici's body mixin — for a 100-byte decision body that was the largest JavaScript
 * cost of the request (≈14% of the decision's CPU profile). Here the bytes are read once with
 * plain stream events and handed to Hono as the request's text (`bodyCache`, which
 * `c.req.json()`/`text()` read first), so the zod validators parse them as before; malformed
 * JSON still fails in Hono's validator with its 400. The buffer is also left as `rawBody`,
 * which @hono/node-server uses if anything later asks for `c.req.raw`'s body.
 *
 * Outside Node's server (tests calling `app.fetch`), falls back to `hono/body-limit`.
 */
export function readBodyWithin(maxBytes: number, onTooLarge: TooLarge): MiddlewareHandler {
  const fallback = bodyLimit({ maxSize: maxBytes, onError: onTooLarge })
  return async (c, next) => {
    const incoming = (c.env as NodeBindings)?.incoming
    if (!incoming) return fallback(c, next)
    if (c.req.method === "GET" || c.req.method === "HEAD") return next()
    const declared = incoming.headers["content-length"]
    if (declared !== undefined && incoming.headers["transfer-encoding"] === undefined && Number(declared) > maxBytes) return onTooLarge(c)
    const body = await readUpTo(incoming, maxBytes)
    if (body === undefined) return onTooLarge(c)
    incoming.rawBody = body
    const text = body.toString("utf8")
    // As the Fetch API's text(): UTF-8 without a leading byte-order mark. Hono keeps the promise
    // of the body here (its `#cachedBody` chains `.then` on it); its BodyCache type names the value.
    const cache = c.req.bodyCache as { text?: Promise<string> }
    cache.text = Promise.resolve(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text)
    return next()
  }
}

/** The whole body, or undefined as soon as it exceeds `maxBytes` (the rest is not kept). */
function readUpTo(incoming: IncomingMessage, maxBytes: number): Promise<Buffer | undefined> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = []
    let size = 0
    const done = (result: Buffer | undefined | Error) => {
      incoming.off("data", onData)
      incoming.off("end", onEnd)
      incoming.off("error", onError)
      incoming.off("close", onClose)
      if (result instanceof Error) reject(result)
      else resolve(result)
    }
    const onData = (chunk: Buffer) => {
      size += chunk.length
      if (size > maxBytes) done(undefined)
      else chunks.push(chunk)
    }
    const onEnd = () => done(chunks.length === 1 ? chunks[0]! : Buffer.concat(chunks, size))
    const onError = (error: Error) => done(error)
    const onClose = () => {
      if (!incoming.complete) done(new Error("request body aborted by the client"))
    }
    incoming.on("data", onData)
    incoming.on("end", onEnd)
    incoming.on("error", onError)
    incoming.on("close", onClose)
  })
}
