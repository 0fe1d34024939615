/**
 * Whether a key press belongs to someone typing: in an input, textarea, select or
 * contenteditable of the host page or of the panel. Shortcuts must never fire then.
 * The event's composed path starts inside open shadow roots, so it sees the panel's fields too.
 */
export function isTypingEvent(event: KeyboardEvent): boolean {
  const origin = event.composedPath?.()[0] ?? event.target
  if (origin instanceof Element && isEditableElement(origin)) return true
  const focused = deepActiveElement(origin instanceof Node ? (origin.ownerDocument ?? document) : document)
  return focused !== null && isEditableElement(focused)
}

export function isEditableElement(el: Element): boolean {
  const tag = el.tagName
  if (tag === "TEXTAREA" || tag === "SELECT") return true
  if (tag === "INPUT") return !NON_TEXT_INPUTS.has((el as HTMLInputElement).type)
  // jsdom lacks isContentEditable; the attribute check covers it and inherited editing hosts.
  return (el as HTMLElement).isContentEditable === true || el.closest('[contenteditable]:not([contenteditable="false"])') !== null
}

const NON_TEXT_INPUTS = new Set(["button", "submit", "reset", "checkbox", "radio", "range", "color", "file", "image"])

function deepActiveElement(doc: Document): Element | null {
  let el: Element | null = doc.activeElement
  while (el?.shadowRoot?.activeElement) el = el.shadowRoot.activeElement
  return el
}
