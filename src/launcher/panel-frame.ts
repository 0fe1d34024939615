import { FRAME_CONNECT, isFromFrame, PANEL_PAGE, type FromFrame, type ToFrame } from "~src/messaging/frame-protocol"

export interface PanelFrameDeps {
  doc: Document
  /** Where the frame goes (the launcher's closed shadow root). */
  parent: ShadowRoot
  /** chrome.runtime.getURL; the background's answer to "panel.session". */
  pageUrl: (path: string) => string
  /** The host page's own URL now (sent with the session). */
  hostUrl: () => string
  mintSession: () => Promise<string>
  onMessage: (message: FromFrame) => void
}

export interface PanelFrame {
  element: HTMLIFrameElement
  post(message: ToFrame): void
  show(): void
  hide(): void
  readonly visible: boolean
  remove(): void
}

/**
 * The review panel: an extension page in an iframe, created on first use and then kept for the
 * life of the page (SPA navigations only tell it to re-read). Every time the frame loads, the
 * content script asks the background for a fresh one-time session and hands it over a
 * MessageChannel posted to the frame's own origin only; the frame claims it with the background
 * before it shows or does anything. The session is never in the URL, so a page that frames
 * panel.html itself gets a frame that stays inert.
 */
export function createPanelFrame({ doc, parent, pageUrl, hostUrl, mintSession, onMessage }: PanelFrameDeps): PanelFrame {
  const element = doc.createElement("iframe")
  const src = pageUrl(PANEL_PAGE)
  element.className = "frame"
  element.title = "Signoff review panel"
  element.hidden = true
  let port: MessagePort | null = null
  const queued: ToFrame[] = []

  // Every load of the frame (the first, or a reload) gets a fresh session.
  element.addEventListener("load", () => {
    port?.close()
    port = null
    void connect()
  })

  async function connect(): Promise<void> {
    const session = await mintSession().catch(() => null)
    const target = element.contentWindow
    if (!session || !target) return
    const channel = new MessageChannel()
    channel.port1.onmessage = (event: MessageEvent) => {
      if (isFromFrame(event.data)) onMessage(event.data)
    }
    // targetOrigin: delivered only if the frame still shows our page (not one the host navigated it to).
    // The extension's own origin: with use_dynamic_url the frame loads from a per-session URL, but
    // its document still has the extension's origin.
    target.postMessage({ type: FRAME_CONNECT }, new URL(pageUrl("")).origin, [channel.port2])
    channel.port1.postMessage({ type: "session", session, url: hostUrl() } satisfies ToFrame)
    port = channel.port1
    for (const message of queued.splice(0)) port.postMessage(message)
  }

  element.src = src
  parent.append(element)

  return {
    element,
    post(message) {
      if (port) port.postMessage(message)
      // Before the link: the session carries the current URL, so navigations need not queue; one refresh is enough.
      else if (message.type !== "navigated" && (message.type !== "refresh" || !queued.some((m) => m.type === "refresh"))) queued.push(message)
    },
    show() {
      element.hidden = false
    },
    hide() {
      element.hidden = true
    },
    get visible() {
      return !element.hidden
    },
    remove() {
      port?.close()
      element.remove()
    }
  }
}
