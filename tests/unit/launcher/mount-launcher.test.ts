// @vitest-environment jsdom
// @vitest-environment-options {"url": "https://app.hubspot.com/contacts/4410021/record/0-1/101"}
import { afterEach, describe, expect, it, vi } from "vitest"
import { LAUNCHER_HOST_TAG, mountLauncher, type LauncherRuntime, type MountedLauncher } from "~src/launcher/mount-launcher"
import type { Message } from "~src/messaging/messages"
import { hubspot } from "~src/platforms/hubspot"
import { marketo } from "~src/platforms/marketo"
import type { PlatformDefinition } from "~src/platforms/platform"

type Status = { state: { kind: string; toReview?: number }; url: string; openPanel: boolean }

function fakeRuntime() {
  const listeners: Array<(message: unknown, sender: chrome.runtime.MessageSender) => void> = []
  return {
    runtime: {
      id: "signoffid",
      getURL: (path: string) => `chrome-extension://signoffid/${path}`,
      onMessage: { addListener: (l: (typeof listeners)[number]) => listeners.push(l), removeListener: () => {} }
    } as unknown as LauncherRuntime,
    notify: (message: unknown) => listeners.forEach((l) => l(message, { id: "signoffid" }))
  }
}

let mounted: MountedLauncher | null = null
afterEach(() => {
  mounted?.unmount()
  mounted = null
  window.history.replaceState({}, "", "/contacts/4410021/record/0-1/101")
})

function mount(answer: (message: Message) => Status | { session: string }, platform: PlatformDefinition = hubspot) {
  const asked: Message[] = []
  const { runtime, notify } = fakeRuntime()
  mounted = mountLauncher({
    platform,
    runtime,
    pollMs: 50,
    ask: (async (message: Message) => {
      asked.push(message)
      return answer(message)
    }) as never
  })
  return { asked, notify, mounted }
}

const ready = (toReview: number, extra: Partial<Status> = {}): Status => ({
  state: { kind: "ready", toReview },
  url: window.location.href,
  openPanel: false,
  ...extra
})

describe("the launcher", () => {
  it("adds one element, in a closed shadow root, named from the background's count", async () => {
    const { mounted } = mount(() => ready(2))
    expect(document.querySelectorAll(LAUNCHER_HOST_TAG)).toHaveLength(1)
    expect(mounted!.host.shadowRoot).toBeNull() // closed: page scripts cannot reach in
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: 2 proposals"))
    expect(mounted!.button.textContent).toBe("Signoff 2")
  })

  it("asks only for its state, with the URL the page shows, and gets no proposal", async () => {
    const { asked } = mount(() => ready(0))
    await vi.waitFor(() => expect(asked).toHaveLength(1))
    expect(asked[0]).toEqual({ type: "launcher.status", url: window.location.href })
  })

  it("ignores a click the user did not make: no frame, no session", async () => {
    const { asked, mounted } = mount(() => ready(1))
    await vi.waitFor(() => expect(asked).toHaveLength(1))
    mounted!.button.click() // jsdom's (and any page script's) clicks are untrusted
    mounted!.button.dispatchEvent(new MouseEvent("click", { bubbles: true }))
    expect(mounted!.frame()).toBeNull()
    expect(asked.map((m) => m.type)).toEqual(["launcher.status"])
  })

  it("opens the panel frame when the popup asked to show an item in this tab", async () => {
    const { mounted } = mount(() => ready(1, { openPanel: true }))
    await vi.waitFor(() => expect(mounted!.frame()?.visible).toBe(true))
    expect(mounted!.frame()!.element.src).toBe("chrome-extension://signoffid/tabs/panel.html")
    expect(mounted!.button.getAttribute("aria-expanded")).toBe("true")
  })

  it("asks again when the background still saw the previous URL (right after a pushState)", async () => {
    let calls = 0
    const { mounted } = mount(() => (++calls === 1 ? ready(5, { url: "https://app.hubspot.com/contacts/4410021/record/0-1/99" }) : ready(1)))
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: 1 proposal"))
    expect(calls).toBe(2)
  })

  it("re-reads its state on SPA navigation and when the background's cache changes", async () => {
    let count = 1
    const { notify, mounted } = mount(() => ready(count))
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: 1 proposal"))
    count = 3
    window.history.pushState({}, "", "/contacts/4410021/record/0-1/102")
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: 3 proposals"))
    count = 0
    notify({ type: "signoff.cache-changed" })
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: no proposals to review"))
  })

  it("says not connected when the background does not answer", async () => {
    const { mounted } = mount(() => {
      throw new Error("The Signoff background worker did not answer")
    })
    await vi.waitFor(() => expect(mounted!.button.getAttribute("aria-label")).toBe("Signoff: not connected"))
  })

  it("puts its element back, restyled as it was, when the page removes or restyles it", async () => {
    const { mounted } = mount(() => ready(0))
    const { host } = mounted!
    host.remove()
    host.setAttribute("style", "display: none")
    host.setAttribute("hidden", "")
    await vi.waitFor(() => {
      expect(host.isConnected).toBe(true)
      expect(host.getAttribute("style")).toContain("display: block !important")
      expect(host.hasAttribute("hidden")).toBe(false)
    })
  })

  it("mounts once however often the script runs", () => {
    const first = mount(() => ready(0)).mounted
    expect(mountLauncher({ platform: hubspot, runtime: fakeRuntime().runtime, ask: (async () => ready(0)) as never })).toBe(first)
    expect(document.querySelectorAll(LAUNCHER_HOST_TAG)).toHaveLength(1)
  })

  it("mounts on a host outside its platform's matches: the options page registered it there as a custom domain", () => {
    // For the Marketo script, app.hubspot.com can only be a custom domain someone registered for Marketo.
    expect(mount(() => ready(0), marketo).mounted).not.toBeNull()
  })
})
