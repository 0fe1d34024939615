import { describe, expect, it, vi } from "vitest"
import { createKeyboardArming } from "~src/ui/panel/keyboard-arming"

/**
 * A window that lets the test play the browser: events can be marked trusted, which only the
 * browser can do for real (jsdom, like a page script, can only make untrusted ones).
 */
function fakeWindow() {
  const listeners = new Map<string, Set<(event: Event) => void>>()
  return {
    addEventListener: (type: string, listener: (event: Event) => void) => void (listeners.get(type) ?? listeners.set(type, new Set()).get(type)!).add(listener),
    removeEventListener: (type: string, listener: (event: Event) => void) => void listeners.get(type)?.delete(listener),
    fire: (type: string, init: { isTrusted: boolean; key?: string }) => {
      for (const listener of listeners.get(type) ?? []) listener({ type, ...init } as unknown as Event)
    },
    listenerCount: () => [...listeners.values()].reduce((n, set) => n + set.size, 0)
  }
}

const trusted = { isTrusted: true } as Event
const untrusted = { isTrusted: false } as Event

describe("keyboard arming of the panel frame", () => {
  it("starts disarmed: a trusted key alone decides nothing", () => {
    const arming = createKeyboardArming(fakeWindow() as unknown as Window, () => {})
    expect(arming.policy(trusted)).toBe(false)
  })

  it("arms on the reviewer's click or Tab inside the panel", () => {
    const win = fakeWindow()
    const arming = createKeyboardArming(win as unknown as Window, () => {})
    win.fire("pointerdown", { isTrusted: true })
    expect(arming.policy(trusted)).toBe(true)
    win.fire("blur", { isTrusted: true })
    win.fire("keydown", { isTrusted: true, key: "Tab" })
    expect(arming.policy(trusted)).toBe(true)
  })

  it("never arms on synthetic events, and never trusts a synthetic event when armed", () => {
    const win = fakeWindow()
    const arming = createKeyboardArming(win as unknown as Window, () => {})
    win.fire("pointerdown", { isTrusted: false })
    win.fire("keydown", { isTrusted: false, key: "Tab" })
    expect(arming.isArmed()).toBe(false)
    arming.arm()
    expect(arming.policy(untrusted)).toBe(false)
  })

  it("disarms when focus leaves, and sends focus arriving from outside away from the decision buttons", () => {
    const win = fakeWindow()
    const focusHome = vi.fn()
    const arming = createKeyboardArming(win as unknown as Window, focusHome)
    arming.arm()
    win.fire("blur", { isTrusted: true })
    expect(arming.policy(trusted)).toBe(false)
    // The host page calls frames[0].focus(): the frame's window gets focus without the reviewer.
    win.fire("focus", { isTrusted: true })
    expect(focusHome).toHaveBeenCalledOnce()
    expect(arming.policy(trusted)).toBe(false)
  })

  it("a key other than Tab does not arm", () => {
    const win = fakeWindow()
    const arming = createKeyboardArming(win as unknown as Window, () => {})
    win.fire("keydown", { isTrusted: true, key: "a" })
    win.fire("keydown", { isTrusted: true, key: "Enter" })
    expect(arming.isArmed()).toBe(false)
  })

  it("removes its listeners when stopped", () => {
    const win = fakeWindow()
    createKeyboardArming(win as unknown as Window, () => {}).stop()
    expect(win.listenerCount()).toBe(0)
  })
})
