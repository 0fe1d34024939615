import type { QueryClient } from "@tanstack/react-query"
import { StrictMode } from "react"
import { createRoot, type Root } from "react-dom/client"
import { detectorForHost } from "~src/context/detect-entity"
import type { Detector, Entity } from "~src/context/entity"
import { watchNavigation } from "~src/context/navigation-watcher"
import { onCacheChanged } from "~src/messaging/cache-changed"
import { askFromPanel as askBackground } from "~src/messaging/panel-client"
import { browserTrustPolicy, TrustPolicyProvider, type TrustPolicy } from "~src/ui/proposal/trusted-events"
import { BackgroundProvider, createQueryClient, type Ask } from "~src/ui/query-client"
import { PanelApp } from "./panel-app"
import { PANEL_CSS } from "./panel-styles"
import { entityProposalsKey } from "./use-entity-proposals"

/** The one element Signoff adds to a host page. A custom tag: host CSS rarely targets unknown tags. */
export const PANEL_HOST_TAG = "signoff-review-panel"

export interface MountPanelOptions {
  detector: Detector
  /** Defaults to the background worker; tests inject a fake. */
  ask?: Ask
  trustPolicy?: TrustPolicy
  queryClient?: QueryClient
  win?: Window
  pollMs?: number
  /** Subscribes to the background's "cache changed" notices; returns the unsubscribe. Tests inject a fake. */
  subscribeToCacheChanges?: (onChange: () => void) => () => void
}

const subscribeToBackground = (onChange: () => void) => onCacheChanged(chrome.runtime, onChange)

export interface MountedPanel {
  host: HTMLElement
  shadowRoot: ShadowRoot
  unmount: () => void
}

// Content scripts of one extension share an isolated world per frame: this marks "already mounted"
// even if the script is injected twice. A page cannot read or forge it.
const MOUNTED = Symbol.for("signoff.panel")
type WindowWithPanel = Window & { [MOUNTED]?: MountedPanel }

/**
 * Mounts the review panel once per page: an empty shadow host on <html>, an open shadow root
 * with our stylesheet and a React root, fed by the navigation watcher. A host element we did
 * not create (left by a previous extension version, or planted by the page) is replaced.
 * Returns null on hosts no detector reads (content-script match patterns cannot express
 * `app-*.marketo.com`, so they match wider and this narrows).
 */
export function mountPanel({
  detector,
  ask = askBackground,
  trustPolicy = browserTrustPolicy,
  queryClient,
  win = window,
  pollMs,
  subscribeToCacheChanges = subscribeToBackground
}: MountPanelOptions): MountedPanel | null {
  const existing = (win as WindowWithPanel)[MOUNTED]
  if (existing) return existing
  if (!detectorForHost(win.location.hostname)) return null
  const doc = win.document
  for (const stale of doc.querySelectorAll(PANEL_HOST_TAG)) stale.remove()

  const host = doc.createElement(PANEL_HOST_TAG)
  // Inline + important: page rules like `html > * { display: none }` must not hide or move us.
  host.style.setProperty("all", "initial", "important")
  host.style.setProperty("display", "block", "important")
  host.style.setProperty("position", "static", "important")
  const shadowRoot = host.attachShadow({ mode: "open" })
  const style = doc.createElement("style")
  style.textContent = PANEL_CSS
  const container = doc.createElement("div")
  shadowRoot.append(style, container)
  doc.documentElement.append(host)

  // SPAs that rebuild the document, or hostile pages, may drop our host: put it back. Only the
  // direct children of <html> are observed, so this costs nothing on busy pages.
  const keeper = new MutationObserver(() => {
    if (!host.isConnected) doc.documentElement.append(host)
  })
  keeper.observe(doc.documentElement, { childList: true })

  const client = queryClient ?? createQueryClient()
  // Re-read at once when the background's cache changes (synced proposals, a decision sent, a 409),
  // rather than at the next poll; the poll stays as the fallback.
  const stopListening = subscribeToCacheChanges(() => void client.invalidateQueries())
  const root: Root = createRoot(container)
  const render = (entity: Entity | null) =>
    root.render(
      <StrictMode>
        <TrustPolicyProvider policy={trustPolicy}>
          <BackgroundProvider ask={ask} client={client}>
            <PanelApp entity={entity} win={win} />
          </BackgroundProvider>
        </TrustPolicyProvider>
      </StrictMode>
    )
  const stopWatching = watchNavigation({
    detector,
    win,
    pollMs,
    onVisit: ({ entity, signal }) => {
      // Leaving the entity: stop waiting for its answer instead of rendering it over the next page.
      signal.addEventListener("abort", () => void client.cancelQueries({ queryKey: entityProposalsKey(entity) }), { once: true })
      render(entity)
    }
  })

  const mounted: MountedPanel = {
    host,
    shadowRoot,
    unmount: () => {
      stopWatching()
      stopListening()
      keeper.disconnect()
      root.unmount()
      host.remove()
      delete (win as WindowWithPanel)[MOUNTED]
    }
  }
  ;(win as WindowWithPanel)[MOUNTED] = mounted
  return mounted
}
