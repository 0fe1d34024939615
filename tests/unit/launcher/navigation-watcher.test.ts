// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://app.hubspot.com/"}
import { afterEach, beforeEach, describe, expect, it, vi } from "vitest"
import { hubspot } from "~src/platforms/hubspot"
import { watchNavigation, type EntityVisit } from "~src/launcher/navigation-watcher"

// jsdom has no Navigation API, so these tests exercise the events every browser has plus the poll.
describe("watchNavigation", () => {
  let visits: EntityVisit[]
  let stop: () => void

  beforeEach(() => {
    vi.useFakeTimers()
    window.history.replaceState({}, "", "/contacts/1/record/0-1/101")
    visits = []
  })
  afterEach(() => {
    stop?.()
    vi.useRealTimers()
  })

  const start = () => {
    stop = watchNavigation({ detector: (url) => hubspot.detect(url), onVisit: (v) => visits.push(v), pollMs: 100 })
  }

  it("reports the entity of the page it starts on", () => {
    start()
    expect(visits).toHaveLength(1)
    expect(visits[0].entity).toMatchObject({ kind: "contact", id: "101" })
  })

  it("notices the page's own pushState through the poll and aborts the previous visit", () => {
    start()
    window.history.pushState({}, "", "/contacts/1/record/0-1/102")
    expect(visits).toHaveLength(1)
    vi.advanceTimersByTime(100)
    expect(visits).toHaveLength(2)
    expect(visits[1].entity).toMatchObject({ id: "102" })
    expect(visits[0].signal.aborted).toBe(true)
    expect(visits[1].signal.aborted).toBe(false)
  })

  it("reacts to the Navigation API's currententrychange without waiting for the poll", () => {
    const navigation = new EventTarget()
    Object.defineProperty(window, "navigation", { value: navigation, configurable: true })
    try {
      start()
      window.history.pushState({}, "", "/contacts/1/record/0-3/9001")
      navigation.dispatchEvent(new Event("currententrychange"))
      expect(visits.at(-1)?.entity).toMatchObject({ kind: "deal", id: "9001" })
    } finally {
      delete (window as { navigation?: unknown }).navigation
    }
  })

  it("reacts to popstate without waiting for the poll", () => {
    start()
    window.history.pushState({}, "", "/contacts/1/record/0-2/5001")
    window.dispatchEvent(new PopStateEvent("popstate"))
    expect(visits.at(-1)?.entity).toMatchObject({ kind: "company", id: "5001" })
  })

  it("reacts to hash routes (HubSpot campaigns) on hashchange", () => {
    window.history.replaceState({}, "", "/campaigns/1/")
    start()
    expect(visits[0].entity).toBeNull()
    window.location.hash = "#/details/3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b"
    window.dispatchEvent(new HashChangeEvent("hashchange"))
    expect(visits.at(-1)?.entity).toMatchObject({ kind: "campaign" })
  })

  it("stays quiet when the URL changes but the entity does not", () => {
    start()
    window.history.pushState({}, "", "/contacts/1/record/0-1/101/?tab=activity")
    vi.advanceTimersByTime(500)
    expect(visits).toHaveLength(1)
    expect(visits[0].signal.aborted).toBe(false)
  })

  it("reports leaving for a page without an entity as a null entity", () => {
    start()
    window.history.pushState({}, "", "/settings/1/user-preferences")
    vi.advanceTimersByTime(100)
    expect(visits.at(-1)?.entity).toBeNull()
  })

  it("treats a throwing detector as a page it cannot read", () => {
    stop = watchNavigation({
      detector: () => {
        throw new Error("host redesign")
      },
      onVisit: (v) => visits.push(v)
    })
    expect(visits[0].entity).toBeNull()
  })

  it("stops polling and aborts the current visit when stopped", () => {
    start()
    stop()
    expect(visits[0].signal.aborted).toBe(true)
    window.history.pushState({}, "", "/contacts/1/record/0-1/999")
    vi.advanceTimersByTime(1000)
    expect(visits).toHaveLength(1)
  })
})
