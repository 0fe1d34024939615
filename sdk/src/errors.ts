import type { ApiErrorBody, ApiErrorCode, Proposal } from "~src/domain"

/**
 * The server refused the request: `status` and `code` as the API sent them (`stale_approval`,
 * `target_changed`, `conflict`, `not_found`...), and on a 409 the proposal as it stands now.
 */
export class SignoffApiError extends Error {
  override readonly name = "SignoffApiError"

  constructor(
    readonly status: number,
    readonly code: ApiErrorCode | "bad_response",
    message: string,
    readonly issues: NonNullable<ApiErrorBody["error"]["issues"]> = [],
    readonly proposal?: Proposal
  ) {
    super(message)
  }
}

/** The server could not be reached (or answered something that is not the API); the request may be retried. */
export class SignoffNetworkError extends Error {
  override readonly name = "SignoffNetworkError"
}
