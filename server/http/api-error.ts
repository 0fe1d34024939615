import type { ApiErrorBody, ApiErrorCode, Proposal } from "~src/domain"

export type ApiErrorStatus = 400 | 401 | 403 | 404 | 409 | 413 | 422 | 429 | 500
type Issue = NonNullable<ApiErrorBody["error"]["issues"]>[number]

/** An error that is a value: status, code and the wire body, shaped by the one error handler. */
export class ApiError extends Error {
  constructor(
    readonly status: ApiErrorStatus,
    readonly code: ApiErrorCode,
    message: string,
    readonly extra: { issues?: Issue[]; proposal?: Proposal } = {},
    /** Response headers (Retry-After, Connection: close). */
    readonly headers: Record<string, string> = {}
  ) {
    super(message)
    this.name = "ApiError"
  }

  toBody(): ApiErrorBody {
    const body: ApiErrorBody = { error: { code: this.code, message: this.message } }
    if (this.extra.issues) body.error.issues = this.extra.issues
    if (this.extra.proposal) body.proposal = this.extra.proposal
    return body
  }
}

export const badRequest = (message: string, issues?: Issue[]) => new ApiError(400, "bad_request", message, issues ? { issues } : {})
// Connection: close — a refused request's body is never read, so the socket cannot be reused.
export const unauthorized = (message: string) => new ApiError(401, "unauthorized", message, {}, { Connection: "close" })
export const forbidden = (message: string) => new ApiError(403, "forbidden", message)
export const outOfScope = (message: string) => new ApiError(403, "out_of_scope", message)
export const notFound = (message: string) => new ApiError(404, "not_found", message)
export const conflict = (message: string, proposal?: Proposal, code: ApiErrorCode = "conflict") =>
  new ApiError(409, code, message, proposal ? { proposal } : {})
export const unprocessable = (message: string) => new ApiError(422, "unprocessable", message)
