import { OpenAPIHono } from "@hono/zod-openapi"
import { ApiErrorBody } from "~src/domain"
import type { AppEnv } from "../app-env"
import { validationError } from "./error-handler"

const WHERE: Record<string, string> = { json: "body", query: "query", param: "path", header: "headers" }

/** A resource router whose zod failures become our error shape (400 with issues). */
export function newRouter(): OpenAPIHono<AppEnv> {
  return new OpenAPIHono<AppEnv>({
    defaultHook: (result) => {
      if (!result.success) throw validationError(result.error, WHERE[result.target] ?? result.target)
    }
  })
}

const DESCRIPTIONS = {
  400: "Invalid request (malformed JSON, wrong types, unknown fields)",
  401: "Missing or invalid bearer token",
  403: "The token's role may not do this (`forbidden`), or an agent token acts outside its workflows (`out_of_scope`)",
  404: "Not found",
  409: "Conflict; the body carries the current proposal",
  413: "Body larger than 1 MB",
  422: "Idempotency-Key reused with a different body",
  429: "Too many writes or waits from this token; `Retry-After` says when to try again"
} as const

type ErrorStatus = keyof typeof DESCRIPTIONS

/** OpenAPI entries for the error statuses a route can answer with. */
export function errorResponses<S extends ErrorStatus>(...statuses: S[]) {
  const entries = statuses.map((s) => [s, { description: DESCRIPTIONS[s], content: { "application/json": { schema: ApiErrorBody } } }])
  return Object.fromEntries(entries) as Record<S, { description: string; content: { "application/json": { schema: typeof ApiErrorBody } } }>
}

export const bearerSecurity = [{ bearer: [] }]

/** `content` of a JSON request or response in a route declaration. */
export const json = <S>(schema: S) => ({ "application/json": { schema } })
