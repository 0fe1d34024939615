/**
 * The account a decision is made under: which server, and who. A queued decision is only ever
 * sent with the token of the account that made it — after a switch to another account it waits
 * (visible as "queued by <name> on <server>") until that account is connected again.
 *
 * Who: the principal id from /v1/me once known (it survives a token rotation), else the token
 * itself, by a digest (the outbox must not keep a second copy of the secret).
 */
export interface Account {
  /** The server's origin ("https://signoff.example.com"). */
  server: string
  /** /v1/me's principalId, when it was known at the time. */
  principalId: string | null
  /** /v1/me's name, for "queued by Ana". */
  name: string | null
  /** sha256 of the token, hex: tells two tokens apart without storing either. */
  tokenKey: string
}

export function sameAccount(a: Account, b: Account): boolean {
  if (a.server !== b.server) return false
  if (a.principalId !== null && b.principalId !== null) return a.principalId === b.principalId
  return a.tokenKey === b.tokenKey
}

/** https anywhere; plain http only to this machine (a token must never cross a network in clear). */
export function serverUrlProblem(url: string): string | null {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return "Enter the server URL, e.g. https://signoff.example.com"
  }
  if (parsed.protocol === "https:") return null
  if (parsed.protocol === "http:" && isLoopback(parsed.hostname)) return null
  if (parsed.protocol === "http:") return "A remote server must use https:// (plain http:// only for 127.0.0.1 or localhost)"
  return "The server URL must start with https:// (or http:// for 127.0.0.1 or localhost)"
}

const isLoopback = (hostname: string) => hostname === "localhost" || hostname === "[::1]" || /^127(\.\d{1,3}){3}$/.test(hostname)

export const serverOrigin = (url: string): string => new URL(url).origin
