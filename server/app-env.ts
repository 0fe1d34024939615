import type { Caller } from "./auth/tokens"
import type { Db } from "./db/connect"
import type { ProposalEvents } from "./proposals/events"

/** What every handler can reach: the database, the change feed for waiters, and the clock. */
export interface Services {
  db: Db
  events: ProposalEvents
  now: () => Date
}

export type AppEnv = { Variables: { caller: Caller; services: Services } }
