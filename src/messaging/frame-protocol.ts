/*
 * What the content script and the panel frame say to each other over their MessageChannel. The
 * frame cannot tell our content script's postMessage from the host page's (both come from the
 * parent window), so nothing here is trusted by itself: the frame renders and acts only after the
 * background confirms the session it was handed (src/messaging/panel-sessions.ts).
 *
 * The frame never posts to its parent window: the page would receive that message too, and with it
 * a reference to the frame's window (one it cannot otherwise get, because window.frames does not
 * list frames inside shadow roots). So the content script starts the handshake, on the frame's
 * `load` event, by which time the frame's (deferred) script listens.
 */

/** window.postMessage from the content script to the frame, carrying the channel's port. */
export const FRAME_CONNECT = "signoff:connect"

export type ToFrame =
  /**
   * The one-time session the background minted for this tab; the frame claims it with the
   * background. `url` is the page's URL as the content script sees it (see "navigated").
   */
  | { type: "session"; session: string; url: string }
  /**
   * The page moved to another entity (SPA navigation). The background reads the entity off the
   * tab's URL, which can lag a pushState by a moment: the frame re-asks until the background's URL
   * is this one. A hint for when to retry, never what the background trusts.
   */
  | { type: "navigated"; url: string }
  /** The background's cache changed: re-read. */
  | { type: "refresh" }
  /** The reviewer opened the panel from the launcher (a trusted click or key): keys may act now. */
  | { type: "opened" }
  | { type: "closed" }

export type FromFrame =
  /** The background accepted the session: the frame is live. */
  | { type: "ready" }
  /** The reviewer closed the panel from inside (✕ or Escape). */
  | { type: "close" }

export const isToFrame = (data: unknown): data is ToFrame =>
  typeof data === "object" && data !== null && ["session", "navigated", "refresh", "opened", "closed"].includes((data as { type?: unknown }).type as string)

export const isFromFrame = (data: unknown): data is FromFrame =>
  typeof data === "object" && data !== null && ["ready", "close"].includes((data as { type?: unknown }).type as string)

/** Where the panel page lives in the build (Plasmo builds tabs/panel.tsx to tabs/panel.html). */
export const PANEL_PAGE = "tabs/panel.html"
