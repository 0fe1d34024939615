import type { MessageType } from "./messages"

/** The fields of runtime.MessageSender the policy reads. */
export interface MessageSenderInfo {
  id?: string
  url?: string
  origin?: string
  frameId?: number
  documentId?: string
  tab?: { id?: number; url?: string }
}

export type SenderKind = "extension-page" | "panel-frame" | "content-script" | "foreign"

export interface ExtensionIdentity {
  runtimeId: string
  /** chrome.runtime.getURL(""), e.g. "chrome-extension://<id>/". */
  extensionBaseUrl: string
  /** The panel page's path in the build (tabs/panel.html). */
  panelPage?: string
}

const PANEL_PAGE = "tabs/panel.html"

/**
 * Extension pages (popup, options — also when opened in a tab) share the background's origin. The
 * panel page is an extension page too, but it runs framed inside a host page's tab, where that page
 * could have framed it itself: it is its own kind, with the narrow rights of a panel. A content
 * script runs in a host page's top frame. Anything else (another extension, a web page via
 * externally_connectable, a content script in a subframe) is foreign.
 */
export function classifySender(sender: MessageSenderInfo, self: ExtensionIdentity): SenderKind {
  if (sender.id !== self.runtimeId) return "foreign"
  const extensionPath = extensionPathOf(sender.url, self)
  if (extensionPath !== null) return extensionPath === (self.panelPage ?? PANEL_PAGE) ? "panel-frame" : "extension-page"
  if (sender.tab && sender.url && (sender.frameId ?? 0) === 0) return "content-script"
  return "foreign"
}

/** "tabs/panel.html" for chrome-extension://<id>/tabs/panel.html?x, null for web URLs. */
function extensionPathOf(url: string | undefined, self: ExtensionIdentity): string | null {
  if (!url?.startsWith(self.extensionBaseUrl)) return null
  return url.slice(self.extensionBaseUrl.length).replace(/[?#].*$/, "")
}

/**
 * What a content script may ask: it runs next to a page we do not trust, so only the launcher's
 * state (a count) and a session for its own panel frame. It never sees a proposal.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>(["launcher.status", "panel.session"])

/**
 * What a panel frame may ask, once it holds a session its tab's content script handed it: the
 * proposals of the page it is in and decisions on them (the background checks which), nothing that
 * reads the settings in full, proxies the API with the token, changes workflows or opens tabs.
 */
export const PANEL_FRAME_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
  "panel.claim",
  "proposals.forEntity",
  "decision.submit",
  "decision.dismiss",
  "sync.now",
  "sync.status",
  "settings.get",
  "panel.focusRequest"
])

export type Authorization = { allowed: true } | { allowed: false; reason: string }

/**
 * May this sender send this message type? Content scripts and panel frames must also be in a tab
 * on a host Signoff injects into (the manifest's content_scripts or a custom domain registered by
 * the options page): `hostAllowed` is that check, done by the caller because it needs chrome.scripting.
 * A panel frame's session is checked by the caller too (it needs the session store).
 */
export function authorize(kind: SenderKind, type: MessageType, hostAllowed: boolean): Authorization {
  if (kind === "extension-page") return { allowed: true }
  if (kind === "foreign") return { allowed: false, reason: "messages are accepted only from Signoff's own pages and content scripts" }
  const allowed = kind === "content-script" ? CONTENT_SCRIPT_MESSAGES : PANEL_FRAME_MESSAGES
  if (!allowed.has(type)) return { allowed: false, reason: `a ${kind === "content-script" ? "content script" : "panel frame"} may not send ${type}` }
  if (!hostAllowed) return { allowed: false, reason: "this page is not one Signoff runs on" }
  return { allowed: true }
}
