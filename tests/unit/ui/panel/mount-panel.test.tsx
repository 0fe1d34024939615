// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://app.hubspot.com/contacts/4455667/record/0-1/101"}
import { waitFor, within } from "@testing-library/react"
import userEvent from "@testing-library/user-event"
import { afterEach, describe, expect, it, vi } from "vitest"
import { detectHubSpotEntity } from "~src/context/hubspot"
import { mountPanel, PANEL_HOST_TAG, type MountedPanel } from "~src/ui/panel/mount-panel"
import { contentHostileHtml } from "../changes/sample-changes"
import { fakeBackground, proposal } from "./fake-background"
import { acceptTestEvents } from "./render-panel"

// The panel's real client sends through chrome.runtime, absent here; every test injects a fake.
vi.mock("~src/messaging/panel-client", () => ({ askFromPanel: () => Promise.reject(new Error("no extension runtime in tests")) }))

let mounted: MountedPanel | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
  window.history.replaceState({}, "", "/contacts/4455667/record/0-1/101")
})

/** Stands in for the background's "cache changed" notices (chrome.runtime.onMessage in the extension). */
function fakeCacheNotices() {
  const listeners = new Set<() => void>()
  return {
    subscribe: (onChange: () => void) => {
      listeners.add(onChange)
      return () => listeners.delete(onChange)
    },
    send: () => listeners.forEach((l) => l()),
    get listening() {
      return listeners.size
    }
  }
}

function mount(bg = fakeBackground({ proposals: [proposal()] }), notices = fakeCacheNotices()) {
  mounted = mountPanel({ detector: detectHubSpotEntity, ask: bg.ask, trustPolicy: acceptTestEvents, pollMs: 20, subscribeToCacheChanges: notices.subscribe })!
  return { panel: mounted, bg, notices, shadow: within(mounted.shadowRoot as unknown as HTMLElement) }
}

describe("mountPanel", () => {
  it("re-reads the proposals at once when the background says its cache changed, and stops listening on unmount", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { shadow, notices, panel } = mount(bg)
    await shadow.findByRole("button", { name: "Signoff: 1 proposal" })
    bg.state.proposals = [proposal(), proposal()]
    // The closed panel polls once a minute: only the notice can bring the second proposal within findBy's 1 s.
    notices.send()
    expect(await shadow.findByRole("button", { name: "Signoff: 2 proposals" })).toBeTruthy()
    panel.unmount()
    mounted = null
    expect(notices.listening).toBe(0)
  })

  it("adds one empty host element with an open shadow root holding the launcher", async () => {
    const { panel, shadow } = mount()
    expect(document.querySelectorAll(PANEL_HOST_TAG)).toHaveLength(1)
    expect(panel.host.shadowRoot).toBe(panel.shadowRoot)
    expect(panel.host.childNodes).toHaveLength(0)
    expect(await shadow.findByRole("button", { name: "Signoff: 1 proposal" })).toBeTruthy()
  })

  it("mounts once even when the content script runs twice", () => {
    const { panel } = mount()
    expect(mountPanel({ detector: detectHubSpotEntity, ask: fakeBackground({ proposals: [] }).ask })).toBe(panel)
    expect(document.querySelectorAll(PANEL_HOST_TAG)).toHaveLength(1)
  })

  it("replaces a host element it did not create (planted by the page or left by an old version)", () => {
    const planted = document.createElement(PANEL_HOST_TAG)
    document.documentElement.append(planted)
    const { panel } = mount()
    expect(planted.isConnected).toBe(false)
    expect(document.querySelectorAll(PANEL_HOST_TAG)).toEqual(expect.objectContaining({ length: 1 }))
    expect(document.querySelector(PANEL_HOST_TAG)).toBe(panel.host)
  })

  it("puts its host back when the page removes it", async () => {
    const { panel } = mount()
    panel.host.remove()
    await waitFor(() => expect(panel.host.isConnected).toBe(true))
  })

  it("styles in px only, resets inherited host styles, and supports dark mode", () => {
    const { panel } = mount()
    const css = panel.shadowRoot.querySelector("style")!.textContent!
    expect(css).toContain(":host { all: initial; }")
    expect(css).toContain("@media (prefers-color-scheme: dark)")
    expect(css).not.toMatch(/\d(rem|em)\b/)
    expect(panel.host.style.getPropertyValue("all")).toBe("initial")
    expect(document.head.querySelector("style")).toBeNull() // nothing leaks into the host document
  })

  it("does not mount on hosts no detector reads", () => {
    // jsdom cannot change origin: a window whose location is on another host stands in.
    const onOtherHost = mountPanel({
      detector: detectHubSpotEntity,
      ask: fakeBackground({ proposals: [] }).ask,
      win: Object.create(window, { location: { value: new URL("https://www.example.com/") } })
    })
    expect(onOtherHost).toBeNull()
  })

  it("follows SPA navigation to the next record", async () => {
    const bg = fakeBackground({ proposals: [proposal()] })
    const { shadow } = mount(bg)
    await shadow.findByRole("button", { name: "Signoff: 1 proposal" })
    bg.state.proposals = [proposal(), proposal()]
    window.history.pushState({}, "", "/contacts/4455667/record/0-1/102")
    await shadow.findByRole("button", { name: "Signoff: 2 proposals" })
    expect(bg.forEntityCalls.map((e) => e.id)).toEqual(["101", "102"])
  })

  it("keeps AI HTML out of the host page and the panel DOM", async () => {
    const bg = fakeBackground({ proposals: [proposal({ change: contentHostileHtml })] })
    const { panel, shadow } = mount(bg)
    const user = userEvent.setup()
    await user.click(await shadow.findByRole("button", { name: "Signoff: 1 proposal" }))
    await shadow.findByRole("complementary", { name: "Signoff review panel" })
    expect(panel.shadowRoot.querySelectorAll("script, img, form, meta, a[href]")).toHaveLength(0)
    expect(document.querySelectorAll("script, img, form")).toHaveLength(0)
    const frame = panel.shadowRoot.querySelector("iframe")!
    expect(frame.getAttribute("sandbox")).toBe("")
    expect((window as unknown as { __pwned?: number }).__pwned).toBeUndefined()
  })
})
