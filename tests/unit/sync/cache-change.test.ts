import { describe, expect, it } from "vitest"
import { syncRunChangedCache, type SyncRunResult } from "~src/sync"

const run = (extra: Partial<SyncRunResult> = {}): SyncRunResult => ({
  ran: true,
  push: null,
  pulled: 0,
  arrived: [],
  error: null,
  nextRetryAt: null,
  ...extra
})
const push = (sent: number, conflicted = 0, failed = 0) => ({ sent, conflicted, failed })

describe("syncRunChangedCache", () => {
  it("is false for a run that pulled and pushed nothing with no change of error", () => {
    expect(syncRunChangedCache(run(), null)).toBe(false)
    expect(syncRunChangedCache(run({ error: "offline" }), "offline")).toBe(false)
  })

  it("is false when no run happened", () => {
    expect(syncRunChangedCache(run({ ran: false, pulled: 3 }), null)).toBe(false)
  })

  it("is true when proposals were pulled", () => {
    expect(syncRunChangedCache(run({ pulled: 1 }), null)).toBe(true)
  })

  it("is true when a decision was sent, refused with a conflict, or failed", () => {
    expect(syncRunChangedCache(run({ push: push(1) }), null)).toBe(true)
    expect(syncRunChangedCache(run({ push: push(0, 1) }), null)).toBe(true)
    expect(syncRunChangedCache(run({ push: push(0, 0, 1) }), null)).toBe(true)
  })

  it("is true when the sync error appears or clears, so the panel's status banner follows", () => {
    expect(syncRunChangedCache(run({ error: "server unreachable" }), null)).toBe(true)
    expect(syncRunChangedCache(run(), "server unreachable")).toBe(true)
  })
})
