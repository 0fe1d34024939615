import DOMPurify from "dompurify"
import { useMemo } from "react"

/**
 * The page the preview iframe loads. Its CSP blocks scripts, network and frames even if the
 * sanitizer ever missed something; only inline styles and data: images may render.
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Sanitize AI-produced HTML: no scripts, handlers, javascript: URLs, forms, or tags that could loosen the CSP. */
export function sanitizeAiHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ["meta", "base", "link", "form", "iframe", "frame", "object", "embed"],
    FORBID_ATTR: ["srcset", "action", "formaction"],
    ALLOW_DATA_ATTR: false
  })
}

export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"></head><body>${sanitizeAiHtml(html)}</body></html>`
}

/**
 * A preview of AI HTML. It lives in a sandboxed iframe with an opaque origin (`sandbox=""`: no
 * scripts, no same-origin, no top navigation, no popups), given as `srcdoc` text, so the markup
 * is never parsed into the host page or the panel's DOM.
 */
export function SanitizedHtmlPreview({ html, title }: { html: string; title: string }) {
  const srcDoc = useMemo(() => previewDocument(html), [html])
  return <iframe className="html-preview" title={title} sandbox="" srcDoc={srcDoc} referrerPolicy="no-referrer" />
}
