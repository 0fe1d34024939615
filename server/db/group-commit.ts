import { CompiledQuery, type Kysely, type Transaction } from "kysely"
import type { Database } from "./schema"

type Effects = Array<() => void>
type Work<T> = (trx: Transaction<Database>, afterCommit: (effect: () => void) => void) => Promise<T>

interface Queued {
  work: Work<unknown>
  resolve: (value: unknown) => void
  reject: (error: unknown) => void
}

// Compiled once: they run twice per unit of every batch.
const SAVEPOINT = CompiledQuery.raw("savepoint unit")
const RELEASE = CompiledQuery.raw("release unit")
const ROLLBACK_TO = CompiledQuery.raw("rollback to unit")

/** Enough to share a commit among a burst of requests; bounded so one commit never holds the line for long. */
const MAX_BATCH = 64

/**
 * Group commit for SQLite: write transactions that arrive while one is committing share the next
 * commit. SQLite has one writer (better-sqlite3 is one synchronous connection, and Kysely's driver
 * already runs its transactions one after another), so concurrent decisions queue anyway; here
 * the queue is drained as one transaction per batch instead of one per request. Most of a
 * decision's pages (the counters row, the tail pages of decisions and audit_log and their indexes)
 * are the same for every decision, so a batch writes each of them to the WAL once.
 *
 * Each unit of work still gets exactly its own outcome: it runs inside its own SAVEPOINT, so one
 * that throws (a 409, a 400) is rolled back alone and the others commit. Every caller's promise
 * settles — and its after-commit effects run — only after the shared COMMIT returned, so nobody
 * answers 2xx for a write that is not committed; if BEGIN or COMMIT itself fails, every unit of
 * the batch fails with it. Durability is SQLite's, unchanged (WAL, synchronous = NORMAL).
 *
 * A request arriving at an idle server runs at once in a batch of one: grouping adds no wait.
 */
export class GroupCommitter {
  readonly #db: Kysely<Database>
  readonly #queue: Queued[] = []
  #draining = false
  /** Batches committed and units in them, for the benchmark's report. */
  readonly stats = { batches: 0, units: 0 }

  constructor(db: Kysely<Database>) {
    this.#db = db
  }

  run<T>(work: Work<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      this.#queue.push({ work: work as Work<unknown>, resolve: resolve as (value: unknown) => void, reject })
      if (this.#draining) return
      this.#draining = true
      // Not at once: better-sqlite3 runs a whole transaction in one turn of the event loop, so
      // requests would never overlap. After the I/O phase, every request that arrived in it has
      // reached this queue, and they share the commit. Idle, this costs one loop turn.
      setImmediate(() => void this.#drain())
    })
  }

  async #drain(): Promise<void> {
    try {
      while (this.#queue.length > 0) await this.#commit(this.#queue.splice(0, MAX_BATCH))
    } finally {
      this.#draining = false
    }
  }

  async #commit(batch: Queued[]): Promise<void> {
    const outcomes: Array<{ ok: true; value: unknown; effects: Effects } | { ok: false; error: unknown }> = []
    let trx: Awaited<ReturnType<ReturnType<Kysely<Database>["startTransaction"]>["execute"]>> | undefined
    try {
      trx = await this.#db.startTransaction().execute()
      if (batch.length === 1) {
        // Alone: no savepoint needed, a failure rolls the whole (one-unit) transaction back.
        const effects: Effects = []
        try {
          outcomes.push({ ok: true, value: await batch[0]!.work(trx, (effect) => effects.push(effect)), effects })
        } catch (error) {
          await trx.rollback().execute()
          trx = undefined
          batch[0]!.reject(error)
          return
        }
      } else {
        for (const unit of batch) {
          const effects: Effects = []
          await trx.executeQuery(SAVEPOINT)
          try {
            const value = await unit.work(trx, (effect) => effects.push(effect))
            await trx.executeQuery(RELEASE)
            outcomes.push({ ok: true, value, effects })
          } catch (error) {
            await trx.executeQuery(ROLLBACK_TO)
            await trx.executeQuery(RELEASE)
            outcomes.push({ ok: false, error })
          }
        }
      }
      await trx.commit().execute()
      trx = undefined
    } catch (error) {
      if (trx)
        await trx
          .rollback()
          .execute()
          .catch(() => undefined)
      for (const unit of batch) unit.reject(error)
      return
    }
    this.stats.batches++
    this.stats.units += batch.length
    batch.forEach((unit, i) => {
      const outcome = outcomes[i]!
      if (!outcome.ok) return unit.reject(outcome.error)
      for (const effect of outcome.effects) effect()
      unit.resolve(outcome.value)
    })
  }
}
