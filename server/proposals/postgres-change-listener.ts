import pg from "pg"
import { z } from "zod"
import { CHANGES_CHANNEL, type ChangeFeed, notifyChange } from "./change-feed"
import type { ProposalEvents } from "./events"

const Notified = z.object({ id: z.string(), seq: z.number().int(), createdBy: z.string().nullable() })

const RECONNECT_MIN_MS = 100
const RECONNECT_MAX_MS = 5_000

/**
 * Servers sharing one Postgres database: each holds one connection that LISTENs on the changes
 * channel and turns every notification into a local event, so a decision taken on server B wakes
 * an agent waiting on server A and nudges A's live channels. A lost connection may have dropped
 * notifications: after reconnecting it reports a gap, and waiters and channels re-read.
 */
export function postgresChangeFeed(url: string, events: ProposalEvents): ChangeFeed {
  let client: pg.Client | undefined
  let stopped = false
  let retryMs = RECONNECT_MIN_MS
  let retryTimer: NodeJS.Timeout | undefined

  async function connect(): Promise<void> {
    const next = new pg.Client({ connectionString: url })
    next.on("notification", (message) => {
      if (message.channel !== CHANGES_CHANNEL) return
      const parsed = Notified.safeParse(safeJson(message.payload))
      if (parsed.success) events.changed(parsed.data)
      else console.error("signoff: unreadable change notification", message.payload)
    })
    next.on("error", (error) => {
      if (!stopped) console.error("signoff: change listener connection failed; reconnecting", error.message)
    })
    next.on("end", () => {
      if (stopped || client !== next) return
      client = undefined
      scheduleReconnect()
    })
    await next.connect()
    await next.query(`LISTEN ${CHANGES_CHANNEL}`)
    client = next
    retryMs = RECONNECT_MIN_MS
  }

  function scheduleReconnect(): void {
    retryTimer = setTimeout(() => {
      connect().then(
        // Whatever was notified while we were away is lost: everyone re-reads.
        () => events.gap(),
        () => {
          retryMs = Math.min(RECONNECT_MAX_MS, retryMs * 2)
          scheduleReconnect()
        }
      )
    }, retryMs)
    retryTimer.unref()
  }

  return {
    publish: (trx, _afterCommit, change) => notifyChange(trx, change),
    start: connect,
    async stop() {
      stopped = true
      clearTimeout(retryTimer)
      await client?.end().catch(() => undefined)
      client = undefined
    }
  }
}

function safeJson(text: string | undefined): unknown {
  try {
    return JSON.parse(text ?? "")
  } catch {
    return undefined
  }
}
