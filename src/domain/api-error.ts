import { z } from "zod"

export const ApiErrorCode = z.enum([
  "bad_request",
  "unauthorized",
  "forbidden",
  /** An agent token proposed into a workflow outside its scope. */
  "out_of_scope",
  "not_found",
  "conflict",
  "stale_approval",
  "target_changed",
  "payload_too_large",
  "unprocessable",
  /** Too many writes or waits for this token; `Retry-After` says when to try again. */
  "rate_limited",
  "internal"
])
export type ApiErrorCode = z.infer<typeof ApiErrorCode>

/** Every non-2xx response body. `proposal` accompanies 409s so the client can show the current state. */
export const ApiErrorBody = z.object({
  error: z.object({
    code: ApiErrorCode,
    message: z.string(),
    issues: z.array(z.object({ path: z.array(z.union([z.string(), z.number()])), message: z.string() })).optional()
  }),
  proposal: z.unknown().optional()
})
export type ApiErrorBody = z.infer<typeof ApiErrorBody>
