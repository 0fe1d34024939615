import { describe, expect, it, vi } from "vitest"
import { CACHE_CHANGED, onCacheChanged } from "~src/messaging/cache-changed"

function fakeRuntime(id = "signoff-id") {
  type Listener = (message: unknown, sender: chrome.runtime.MessageSender) => void
  const listeners = new Set<Listener>()
  const runtime = {
    id,
    onMessage: { addListener: (l: Listener) => listeners.add(l), removeListener: (l: Listener) => listeners.delete(l) }
  } as unknown as Pick<typeof chrome.runtime, "id" | "onMessage">
  const deliver = (message: unknown, sender: chrome.runtime.MessageSender) => listeners.forEach((l) => l(message, sender))
  return { runtime, deliver, listeners }
}

describe("onCacheChanged", () => {
  it("calls back on a notice from this extension", () => {
    const { runtime, deliver } = fakeRuntime()
    const onChange = vi.fn()
    onCacheChanged(runtime, onChange)
    deliver({ type: CACHE_CHANGED }, { id: "signoff-id" })
    expect(onChange).toHaveBeenCalledOnce()
  })

  it("ignores notices from another extension and other message types", () => {
    const { runtime, deliver } = fakeRuntime()
    const onChange = vi.fn()
    onCacheChanged(runtime, onChange)
    deliver({ type: CACHE_CHANGED }, { id: "someone-else" })
    deliver({ type: "proposals.forEntity" }, { id: "signoff-id" })
    deliver(null, { id: "signoff-id" })
    expect(onChange).not.toHaveBeenCalled()
  })

  it("stops listening when unsubscribed", () => {
    const { runtime, listeners } = fakeRuntime()
    const stop = onCacheChanged(runtime, vi.fn())
    expect(listeners.size).toBe(1)
    stop()
    expect(listeners.size).toBe(0)
  })
})
