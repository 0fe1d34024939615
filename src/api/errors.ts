import { ApiErrorBody, Proposal } from "~src/domain"

/**
 * The server answered with a non-2xx status (or a 2xx body that does not match the contract).
 * A 409 carries the server's current `proposal` so the caller can show what happened.
 */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly proposal?: Proposal,
    readonly issues?: ApiErrorBody["error"]["issues"]
  ) {
    super(message)
    this.name = "ApiError"
  }

  /** Build from a response body; tolerates bodies that are not in the API's error shape (proxies, HTML pages). */
  static fromResponse(status: number, body: unknown): ApiError {
    const parsed = ApiErrorBody.safeParse(body)
    if (!parsed.success) return new ApiError(status, codeForStatus(status), `The server answered ${status}`)
    const proposal = Proposal.safeParse(parsed.data.proposal)
    return new ApiError(status, parsed.data.error.code, parsed.data.error.message, proposal.success ? proposal.data : undefined, parsed.data.error.issues)
  }
}

/**
 * The request never got an HTTP answer. `offline`: the browser knows it has no network;
 * `unreachable`: the connection was refused or the name did not resolve; `timeout`: no answer in time.
 */
export type NetworkFailure = "offline" | "unreachable" | "timeout"

export class NetworkError extends Error {
  constructor(
    readonly reason: NetworkFailure,
    message: string,
    options?: { cause?: unknown }
  ) {
    super(message, options)
    this.name = "NetworkError"
  }
}

function codeForStatus(status: number): string {
  if (status === 400) return "bad_request"
  if (status === 401) return "unauthorized"
  if (status === 403) return "forbidden"
  if (status === 404) return "not_found"
  if (status === 409) return "conflict"
  if (status === 413) return "payload_too_large"
  if (status === 422) return "unprocessable"
  return status >= 500 ? "internal" : "http_error"
}
