import { ApiError, NetworkError } from "~src/api"

/** A sync failure in words a marketer can act on, and whether it means "no connection". */
export function describeSyncError(error: unknown): { message: string; network: boolean } {
  if (error instanceof NetworkError) {
    if (error.reason === "offline") return { message: "You are offline; decisions are kept and sent when you are back online", network: true }
    return { message: `${error.message}; decisions are kept and sent when it answers`, network: true }
  }
  if (error instanceof ApiError) {
    if (error.status === 401) return { message: "The server refused the API token; check it on the Signoff options page", network: false }
    if (error.status === 403) return { message: `This token is not allowed to review: ${error.message}`, network: false }
    return { message: `The server answered ${error.status}: ${error.message}`, network: false }
  }
  return { message: error instanceof Error ? error.message : String(error), network: false }
}
