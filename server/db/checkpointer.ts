import { createRequire } from "node:module"
import { Worker } from "node:worker_threads"

/**
 * Moves SQLite's WAL checkpoints off the event loop.
 *
 * With WAL and `synchronous = NORMAL`, a commit does not fsync; the fsyncs happen when the WAL
 * is checkpointed into the database file, by default inside the commit that crosses 1000
 * pages. better-sqlite3 is synchronous, so that commit blocked every request behind it for
 * milliseconds (every ~80 decisions; ~2.4 ms per fsync on the VM we measured, about as much as
 * all the decision's SQL per request). SQLite's documented remedy is to run checkpoints from
 * another thread (https://sqlite.org/wal.html#application_initiated_checkpoints): this worker
 * holds its own connection and runs a PASSIVE checkpoint (never blocks writers or readers)
 * every `everyMs`. Durability is unchanged: the same pages are fsynced by the same checkpoint,
 * just not on the request path. The main connection keeps a high automatic-checkpoint
 * threshold as a backstop, should the worker ever fall behind.
 */
export function startCheckpointer(path: string, everyMs = 100): { stop(): void } {
  const worker = new Worker(
    `
    const { parentPort, workerData } = require("node:worker_threads")
    const Database = require(workerData.driver)
    let db
    try {
      // Never creates a file: the server may already be closed and its directory removed.
      db = new Database(workerData.path, { fileMustExist: true })
    } catch {
      parentPort.close()
    }
    if (db) {
      const timer = setInterval(() => {
        try { db.pragma("wal_checkpoint(PASSIVE)") } catch {}
      }, workerData.everyMs)
      parentPort.once("message", () => {
        clearInterval(timer)
        db.close()
        parentPort.close()
      })
    }
    `,
    { eval: true, workerData: { driver: createRequire(import.meta.url).resolve("better-sqlite3"), path, everyMs } }
  )
  // Never what keeps a process (the CLI, a test) alive; a failed checkpointer leaves the backstop.
  worker.unref()
  worker.on("error", (error) => console.error("signoff: WAL checkpointer stopped", error))
  return { stop: () => worker.postMessage("stop") }
}

/** The main connection's automatic checkpoint threshold once the worker checkpoints (pages). */
export const BACKSTOP_CHECKPOINT_PAGES = 20_000
