import type { AuditKeys } from "./audit/keys"
import type { Caller } from "./auth/tokens"
import type { Db } from "./db/connect"
import type { RateLimiter } from "./http/rate-limit"
import type { ProposalEvents } from "./proposals/events"

/**
 * What every handler can reach: the database, the audit keys (held outside the database), the
 * change feed for waiters, the per-token rate limiter, and the clock.
 */
export interface Services {
  db: Db
  keys: AuditKeys
  events: ProposalEvents
  limiter: RateLimiter
  now: () => Date
}

export type AppEnv = { Variables: { caller: Caller; services: Services } }
