import { FRAME_CONNECT, isToFrame, type FromFrame, type ToFrame } from "~src/messaging/frame-protocol"

export interface FrameLink {
  /** The host page's URL when the session was handed over. */
  initialUrl: string
  send(message: FromFrame): void
  /** Messages from our content script, after the session was accepted. */
  onMessage(listener: (message: ToFrame) => void): () => void
}

/** More failed handshakes than this and the frame stops listening: someone else is talking to it. */
const MAX_ATTEMPTS = 10

/**
 * Waits for the content script that created this frame. It posts a MessagePort to our window and
 * sends the one-time session on it; we claim the session with the background. The host page can
 * post to our window too (it is the same parent window), so a port proves nothing by itself: only a
 * session the background accepts for this tab links the frame. Returns a function that stops waiting.
 */
export function awaitContentScript({
  win = window,
  claim,
  onLinked
}: {
  win?: Window
  claim: (session: string) => Promise<boolean>
  onLinked: (link: FrameLink) => void
}): () => void {
  let attempts = 0
  let linked = false
  const onWindowMessage = (event: MessageEvent) => {
    if (linked || event.source !== win.parent || (event.data as { type?: unknown } | null)?.type !== FRAME_CONNECT) return
    const port = event.ports[0]
    if (!port || ++attempts > MAX_ATTEMPTS) return
    const listeners = new Set<(message: ToFrame) => void>()
    port.onmessage = async (portEvent: MessageEvent) => {
      const message = portEvent.data
      if (!isToFrame(message)) return
      if (message.type !== "session") {
        if (linked) for (const listener of listeners) listener(message)
        return
      }
      if (linked) return
      const accepted = await claim(message.session).catch(() => false)
      if (!accepted || linked) return port.close()
      linked = true
      win.removeEventListener("message", onWindowMessage)
      onLinked({
        initialUrl: message.url,
        send: (out) => port.postMessage(out),
        onMessage: (listener) => {
          listeners.add(listener)
          return () => listeners.delete(listener)
        }
      })
    }
  }
  win.addEventListener("message", onWindowMessage)
  return () => win.removeEventListener("message", onWindowMessage)
}

/**
 * The frame's link as a tiny store, started when the panel page's script runs: the content script
 * posts on the frame's `load` event, which comes before React has mounted anything, so the listener
 * must not wait for a component.
 */
export function startFrameLink(claim: (session: string) => Promise<boolean>, win: Window = window) {
  let link: FrameLink | null = null
  const listeners = new Set<() => void>()
  awaitContentScript({
    win,
    claim,
    onLinked: (linked) => {
      link = linked
      for (const listener of listeners) listener()
    }
  })
  return {
    get: () => link,
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    }
  }
}

export type FrameLinkStore = ReturnType<typeof startFrameLink>
