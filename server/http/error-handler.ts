import type { Context } from "hono"
import { HTTPException } from "hono/http-exception"
import type { ZodError } from "zod"
import { ApiError, badRequest } from "./api-error"

/** Zod issues on the wire: a path and a message each, nothing internal. */
export function issuesOf(error: ZodError) {
  return error.issues.map((issue) => {
    const path = issue.path.filter((p): p is string | number => typeof p !== "symbol")
    // Name the offending key itself, so a client can point at the field it should not have sent.
    if (issue.code === "unrecognized_keys" && issue.keys.length === 1) path.push(issue.keys[0]!)
    return { path, message: issue.message }
  })
}

export function validationError(error: ZodError, where: string): ApiError {
  const issues = issuesOf(error)
  const first = issues[0]
  const at = first && first.path.length > 0 ? ` at ${first.path.map(String).join(".")}` : ""
  return badRequest(`invalid ${where}${at}: ${first?.message ?? "validation failed"}`, issues)
}

/** The one place errors become responses: `{error:{code,message,issues?}, proposal?}`. */
export function handleError(error: unknown, c: Context): Response {
  if (error instanceof ApiError) return c.json(error.toBody(), error.status, error.headers)
  if (error instanceof HTTPException) {
    // Hono raises these for malformed JSON (400) and a non-JSON content type (415).
    const status = error.status
    if (status === 400 || status === 415) {
      const message = status === 415 ? "Content-Type must be application/json" : error.message || "bad request"
      return c.json(badRequest(message).toBody(), 400)
    }
    if (status === 413) return c.json(new ApiError(413, "payload_too_large", "request body too large").toBody(), 413)
    if (status === 401) return c.json(new ApiError(401, "unauthorized", error.message).toBody(), 401)
  }
  console.error("signoff: unhandled error", error)
  return c.json(new ApiError(500, "internal", "internal error").toBody(), 500)
}
