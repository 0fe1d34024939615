import { describe, expect, it, vi } from "vitest"
import { ProposalEvents } from "~server/proposals/events"

const change = (id: string, seq: number) => ({ id, seq, createdBy: "principal-1" })

describe("ProposalEvents", () => {
  it("wakes the waiters of the changed proposal only, and tells every any-change listener what changed", async () => {
    const events = new ProposalEvents()
    const onAny = vi.fn()
    events.onAnyChange(onAny)
    const a = events.watch("a", 60_000)
    const b = events.watch("b", 60_000)
    events.changed(change("a", 7))
    expect(await a.settled).toBe(true)
    expect(onAny).toHaveBeenCalledWith(change("a", 7))
    expect(events.watcherCount()).toBe(1)
    b.cancel()
    expect(await b.settled).toBe(false)
    expect(events.watcherCount()).toBe(0)
  })

  it("on a gap wakes every waiter and tells the gap listeners, without inventing a change", async () => {
    const events = new ProposalEvents()
    const onAny = vi.fn()
    const onGap = vi.fn()
    events.onAnyChange(onAny)
    events.onGap(onGap)
    const waits = ["a", "b", "c"].map((id) => events.watch(id, 60_000))
    events.gap()
    expect(await Promise.all(waits.map((w) => w.settled))).toEqual([true, true, true])
    expect(onGap).toHaveBeenCalledOnce()
    expect(onAny).not.toHaveBeenCalled()
  })
})
