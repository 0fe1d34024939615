import type { z } from "zod"
import { ApiErrorBody } from "~src/domain/api-error"
import type { Ask } from "~src/ui/query-client"

/** A non-2xx answer from the API, with the server's own message. */
export class ApiCallError extends Error {
  constructor(
    readonly status: number,
    message: string
  ) {
    super(message)
    this.name = "ApiCallError"
  }
}

/** Any /v1 call through the background (which holds the token); resolves with the 2xx body, else throws ApiCallError. */
export async function apiCall(ask: Ask, method: "GET" | "POST" | "PUT" | "DELETE", path: string, body?: unknown): Promise<unknown> {
  const response = await ask({ type: "api.call", method, path, ...(body === undefined ? {} : { body }) })
  if (response.status >= 200 && response.status < 300) return response.body
  const error = ApiErrorBody.safeParse(response.body)
  throw new ApiCallError(response.status, error.success ? error.data.error.message : `The server answered ${response.status}`)
}

/** GET a JSON endpoint through the background and validate it with the domain schema. */
export async function apiGetJson<S extends z.ZodType>(ask: Ask, path: string, schema: S): Promise<z.infer<S>> {
  return schema.parse(await apiCall(ask, "GET", path))
}

/** GET a text endpoint (audit export). A JSON-parsed body is turned back into text. */
export async function apiGetText(ask: Ask, path: string): Promise<string> {
  const body = await apiCall(ask, "GET", path)
  if (body === null) return ""
  if (typeof body === "string") return body
  // A JSONL export parsed as an array by a proxy: one JSON document per line again.
  if (Array.isArray(body)) return body.map((entry) => JSON.stringify(entry)).join("\n") + (body.length ? "\n" : "")
  return JSON.stringify(body)
}
