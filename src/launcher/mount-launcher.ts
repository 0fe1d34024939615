import browser, { type Runtime } from "webextension-polyfill"
import { onCacheChanged } from "~src/messaging/cache-changed"
import type { Message, ResponseOf } from "~src/messaging/messages"
import { BackgroundError, sendToBackground } from "~src/messaging/transport"
import { matchesAnyPattern } from "~src/platforms/match-pattern"
import type { PlatformDefinition } from "~src/platforms/platform"
import type { FromFrame } from "~src/messaging/frame-protocol"
import { launcherBadge, launcherLabel, type LauncherState } from "./launcher-state"
import { LAUNCHER_CSS } from "./launcher-styles"
import { watchNavigation } from "./navigation-watcher"
import { createPanelFrame, type PanelFrame } from "./panel-frame"

/** The one element Signoff adds to a host page. A custom tag: host CSS rarely targets unknown tags. */
export const LAUNCHER_HOST_TAG = "signoff-launcher"

/** The parts of browser.runtime the launcher uses; tests pass fakes. */
export type LauncherRuntime = Pick<Runtime.Static, "id" | "getURL" | "onMessage">

type Ask = <T extends "launcher.status" | "panel.session">(message: Extract<Message, { type: T }>) => Promise<ResponseOf<T>>

export interface MountLauncherOptions {
  platform: PlatformDefinition
  win?: Window
  runtime?: LauncherRuntime
  ask?: Ask
  pollMs?: number
}

export interface MountedLauncher {
  host: HTMLElement
  button: HTMLButtonElement
  frame(): PanelFrame | null
  unmount(): void
}

// Content scripts of one extension share an isolated world per frame: this marks "already mounted"
// even if the script is injected twice (a manifest match and a custom-domain registration). A page cannot read or forge it.
const MOUNTED = Symbol.for("signoff.launcher")
type WindowWithLauncher = Window & { [MOUNTED]?: MountedLauncher }

/** A page restoring its own idea of our element this often in a row is fighting us: stop showing the panel. */
const MAX_TAMPERING = 20

/**
 * Everything Signoff does in a host page: a "Signoff" launcher with the count for the entity the URL
 * shows, and — on the first trusted click — the review panel as an extension frame. Both live in a
 * closed shadow root, so page scripts cannot reach into them; the panel's content is in another
 * origin altogether. No React, no zod, no proposal data: the background answers with a state and a
 * count, worked out from the tab's URL. Returns null on hosts of the platform's match patterns that
 * are not the platform (www.marketo.com).
 */
export function mountLauncher({
  platform,
  win = window,
  runtime = browser.runtime,
  ask = sendToBackground as Ask,
  pollMs
}: MountLauncherOptions): MountedLauncher | null {
  const existing = (win as WindowWithLauncher)[MOUNTED]
  if (existing) return existing
  const here = win.location.href
  const builtInMatch = matchesAnyPattern(here, platform.matches)
  if (builtInMatch && !platform.isHost(win.location.hostname)) return null
  // Not one of the manifest's hosts: the options page registered this script for a custom domain.
  const anyHost = !builtInMatch

  const doc = win.document
  // Only <html>'s own children: a search of the whole document would cost a big page milliseconds.
  for (const stale of doc.documentElement.querySelectorAll(`:scope > ${LAUNCHER_HOST_TAG}`)) stale.remove()
  const host = doc.createElement(LAUNCHER_HOST_TAG)
  // Fixed and 0×0: inserting an out-of-flow element does not make the host page lay itself out again
  // (an in-flow one cost a 4,000-row page ~18 ms of main thread; bench/host-page.bench.ts).
  const hostStyle =
    "all: initial !important; display: block !important; position: fixed !important; top: 0 !important; left: 0 !important; width: 0 !important; height: 0 !important; z-index: 2147483646 !important"
  host.setAttribute("style", hostStyle)
  const root = host.attachShadow({ mode: "closed" })
  const style = doc.createElement("style")
  style.textContent = LAUNCHER_CSS
  const button = doc.createElement("button")
  button.type = "button"
  button.className = "launcher"
  button.setAttribute("aria-expanded", "false")
  const name = doc.createElement("span")
  name.className = "name"
  name.setAttribute("aria-hidden", "true")
  name.textContent = "Signoff"
  const badge = doc.createElement("span")
  badge.className = "badge"
  badge.setAttribute("aria-hidden", "true")
  // The space keeps the visible text ("Signoff 3") a prefix of the accessible name ("Signoff: 3 proposals").
  button.append(name, doc.createTextNode(" "), badge)
  root.append(style, button)
  doc.documentElement.append(host)

  let frame: PanelFrame | null = null
  let tampering = 0
  const render = (state: LauncherState) => {
    button.dataset.state = state.kind
    button.setAttribute("aria-label", launcherLabel(state))
    badge.textContent = launcherBadge(state)
  }
  render({ kind: "loading" })

  const open = (byUser: boolean) => {
    if (tampering > MAX_TAMPERING) return
    frame ??= createPanelFrame({
      doc,
      parent: root,
      pageUrl: (path) => runtime.getURL(path),
      hostUrl: () => win.location.href,
      mintSession: async () => (await ask({ type: "panel.session" })).session,
      onMessage: onFrameMessage
    })
    frame.show()
    button.setAttribute("aria-expanded", "true")
    frame.element.focus()
    if (byUser) frame.post({ type: "opened" })
  }
  const close = () => {
    if (!frame?.visible) return
    frame.hide()
    frame.post({ type: "closed" })
    button.setAttribute("aria-expanded", "false")
    button.focus()
  }
  function onFrameMessage(message: FromFrame) {
    if (message.type === "close") close()
  }

  // Only a click the user made: a page script's synthetic click is not one (isTrusted is false).
  button.addEventListener("click", (event) => {
    if (!event.isTrusted) return
    if (frame?.visible) close()
    else open(true)
  })

  let statusRequest = 0
  async function refreshStatus(retried = false): Promise<void> {
    const request = ++statusRequest
    const url = win.location.href
    try {
      const status = await ask({ type: "launcher.status", url })
      if (request !== statusRequest) return
      // The background reads the tab's URL; right after a pushState it may still see the previous one.
      if (status.url !== win.location.href && !retried) {
        win.setTimeout(() => void refreshStatus(true), 150)
        return
      }
      render(status.state)
      if (status.openPanel && !frame?.visible) open(false)
    } catch (error) {
      if (request !== statusRequest) return
      render(error instanceof BackgroundError && error.code === "not_configured" ? { kind: "not-configured" } : { kind: "unreachable" })
    }
  }

  const stopWatching = watchNavigation({
    detector: (url) => platform.detect(url, { anyHost }),
    win,
    pollMs,
    onVisit: ({ url }) => {
      void refreshStatus()
      frame?.post({ type: "navigated", url })
    }
  })

  const stopListening = onCacheChanged(runtime, () => {
    void refreshStatus()
    frame?.post({ type: "refresh" })
  })

  // SPAs that rebuild the document, or hostile pages, may drop or restyle our host: put it back.
  // Only <html>'s direct children and our own host's attributes are observed, so busy pages pay nothing.
  const keeper = new MutationObserver(() => {
    let restored = false
    if (!host.isConnected) {
      doc.documentElement.append(host)
      restored = true
    }
    if (host.getAttribute("style") !== hostStyle || host.attributes.length !== 1) {
      for (const attribute of [...host.attributes]) if (attribute.name !== "style") host.removeAttribute(attribute.name)
      host.setAttribute("style", hostStyle)
      restored = true
    }
    if (restored && ++tampering > MAX_TAMPERING) {
      // Bitwarden's rule: a page that keeps fighting our element gets no panel to trick anyone with.
      frame?.remove()
      frame = null
      button.disabled = true
      button.setAttribute("aria-label", "Signoff: paused because this page keeps changing it")
    }
  })
  keeper.observe(doc.documentElement, { childList: true })
  keeper.observe(host, { attributes: true })

  const mounted: MountedLauncher = {
    host,
    button,
    frame: () => frame,
    unmount: () => {
      stopWatching()
      stopListening()
      keeper.disconnect()
      frame?.remove()
      host.remove()
      delete (win as WindowWithLauncher)[MOUNTED]
    }
  }
  ;(win as WindowWithLauncher)[MOUNTED] = mounted
  return mounted
}
