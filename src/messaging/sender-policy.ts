import type { MessageType } from "./messages"

/** The fields of chrome.runtime.MessageSender the policy reads. */
export interface MessageSenderInfo {
  id?: string
  url?: string
  origin?: string
  tab?: { id?: number; url?: string }
}

export type SenderKind = "extension-page" | "content-script" | "foreign"

export interface ExtensionIdentity {
  runtimeId: string
  /** chrome.runtime.getURL(""), e.g. "chrome-extension://<id>/". */
  extensionBaseUrl: string
}

/**
 * Extension pages (popup, options — also when opened in a tab) share the background's origin; a
 * content script runs in a host page's tab. Anything else (another extension, a web page via
 * externally_connectable) is foreign.
 */
export function classifySender(sender: MessageSenderInfo, self: ExtensionIdentity): SenderKind {
  if (sender.id !== self.runtimeId) return "foreign"
  if (sender.url?.startsWith(self.extensionBaseUrl)) return "extension-page"
  if (sender.tab && sender.url) return "content-script"
  return "foreign"
}

/**
 * What a content script may ask: it runs next to a page we do not trust, so nothing that reads the
 * settings in full, proxies the API with the token, changes workflows or opens tabs.
 */
export const CONTENT_SCRIPT_MESSAGES: ReadonlySet<MessageType> = new Set<MessageType>([
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
 * May this sender send this message type? Content scripts must also run on a host Signoff injects
 * into (the manifest's content_scripts or a custom domain registered by the options page):
 * `hostAllowed` is that check, done by the caller because it needs chrome.scripting.
 */
export function authorize(kind: SenderKind, type: MessageType, hostAllowed: boolean): Authorization {
  if (kind === "extension-page") return { allowed: true }
  if (kind === "foreign") return { allowed: false, reason: "messages are accepted only from Signoff's own pages and content scripts" }
  if (!CONTENT_SCRIPT_MESSAGES.has(type)) return { allowed: false, reason: `a content script may not send ${type}` }
  if (!hostAllowed) return { allowed: false, reason: "this page is not one Signoff runs on" }
  return { allowed: true }
}
