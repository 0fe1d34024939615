import type { AuditKeys } from "./audit/keys"
import type { Caller } from "./auth/tokens"
import type { Db } from "./db/connect"
import type { RateLimiter } from "./http/rate-limit"
import type { ChangeFeed } from "./proposals/change-feed"
import type { ProposalEvents } from "./proposals/events"

/**
 * What every handler can reach: the database, the audit keys (held outside the database), the
 * proposal events waiters and live channels hear, the feed writers announce changes through
 * (in process on SQLite, LISTEN/NOTIFY across servers on Postgres), the per-token rate limiter,
 * and the clock.
 */
export interface Services {
  db: Db
  keys: AuditKeys
  events: ProposalEvents
  changes: ChangeFeed
  limiter: RateLimiter
  now: () => Date
}

export type AppEnv = { Variables: { caller: Caller; services: Services } }
