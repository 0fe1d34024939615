import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { saveSettings, SignoffDatabase } from "~src/db"
import type { SyncPage } from "~src/domain"
import { createSyncEngine } from "~src/sync"

let db: SignoffDatabase
beforeEach(async () => {
  db = new SignoffDatabase(`engine-${crypto.randomUUID()}`)
})
afterEach(async () => {
  await db.delete()
})

/** A server whose sync endpoint answers only when the test releases it, counting requests. */
/**
 * A server whose sync calls wait at a gate. `release()` waits until a call is parked there, then
 * lets it through, so tests never depend on timing (a release before the call arrived would be lost).
 */
function gatedServer() {
  const parked: Array<() => void> = []
  let onPark: (() => void) | null = null
  const state = { syncCalls: 0 }
  const api = {
    sync: async (): Promise<SyncPage> => {
      state.syncCalls++
      await new Promise<void>((resolve) => {
        parked.push(resolve)
        onPark?.()
        onPark = null
      })
      return { items: [], nextSince: 0, hasMore: false }
    },
    decide: async () => Promise.reject(new Error("no decisions here")),
    workflows: async () => [],
    me: async () => ({ name: "Ana", role: "reviewer" as const })
  }
  const parkedCall = () => (parked.length > 0 ? Promise.resolve() : new Promise<void>((resolve) => (onPark = resolve)))
  return {
    api,
    state,
    parkedCall,
    release: async () => {
      await parkedCall()
      parked.shift()!()
    }
  }
}

describe("sync engine", () => {
  it("does nothing until a server URL and token are set", async () => {
    const engine = createSyncEngine({ db, createApi: () => Promise.reject(new Error("unused")) as never })
    expect(await engine.run()).toMatchObject({ ran: false })
    expect((await engine.status()).configured).toBe(false)
  })

  it("shares one follow-up run among triggers that arrive during a run", async () => {
    await saveSettings(db, { serverUrl: "http://server.test", token: "tok" })
    const server = gatedServer()
    const engine = createSyncEngine({ db, createApi: () => server.api })

    const first = engine.run()
    await server.parkedCall()
    const second = engine.run()
    const third = engine.run({ ignoreBackoff: true })
    expect(second).toBe(third)
    expect((await engine.status()).syncing).toBe(true)

    await server.release()
    await first
    await server.release() // the follow-up run
    await second
    expect(server.state.syncCalls).toBe(2)
    expect(engine.isSyncing()).toBe(false)
  })

  it("skips a page-view sync when one finished moments ago", async () => {
    await saveSettings(db, { serverUrl: "http://server.test", token: "tok" })
    const server = gatedServer()
    let clock = 1_000_000
    const engine = createSyncEngine({ db, createApi: () => server.api, now: () => clock })
    const run = engine.run()
    await server.release()
    await run
    expect(engine.runIfStale(15_000)).toBeNull()
    clock += 20_000
    expect(engine.runIfStale(15_000)).not.toBeNull()
    await server.release()
    await engine.whenIdle()
  })
})
