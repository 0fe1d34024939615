import DOMPurify from "dompurify"
import { useMemo, useState, type SyntheticEvent } from "react"

/**
 * The page the preview iframe loads. Its CSP blocks scripts, network and frames even if the
 * sanitizer ever missed something; only inline styles and data: images may render.
 */
export const PREVIEW_CSP = "default-src 'none'; style-src 'unsafe-inline'; img-src data:"

/** Readable at a glance (an email's first screen), never taller than the panel can show with its actions. */
export const PREVIEW_MIN_HEIGHT = 320
export const PREVIEW_MAX_HEIGHT = 640

/** Sanitize AI-produced HTML: no scripts, handlers, javascript: URLs, forms, or tags that could loosen the CSP. */
export function sanitizeAiHtml(html: string): string {
  return DOMPurify.sanitize(html, {
    FORBID_TAGS: ["meta", "base", "link", "form", "iframe", "frame", "object", "embed"],
    FORBID_ATTR: ["srcset", "action", "formaction"],
    ALLOW_DATA_ATTR: false
  })
}

export function previewDocument(html: string): string {
  return `<!doctype html><html><head><meta charset="utf-8"><meta http-equiv="Content-Security-Policy" content="${PREVIEW_CSP}"><base target="_blank"><style>body{margin:12px;font:14px/1.5 system-ui,sans-serif;color:#1f2328;background:#fff}img{max-width:100%;height:auto}</style></head><body>${sanitizeAiHtml(html)}</body></html>`
}

/** The preview's height for a document of `contentHeight` px: its own height within the bounds. */
export const previewHeight = (contentHeight: number): number => Math.min(PREVIEW_MAX_HEIGHT, Math.max(PREVIEW_MIN_HEIGHT, Math.ceil(contentHeight)))

/**
 * A preview of AI HTML, given as `srcdoc` text to an iframe, so the markup is never parsed into the
 * host page or the panel's DOM. The sandbox allows no scripts, forms, popups or top navigation
 * (links target a new window, which the sandbox refuses). It keeps the same origin only so the
 * panel can read the document's height and show the email at its own size, scrolling beyond
 * PREVIEW_MAX_HEIGHT: without `allow-scripts` nothing in it can use that origin.
 */
export function SanitizedHtmlPreview({ html, title }: { html: string; title: string }) {
  const srcDoc = useMemo(() => previewDocument(html), [html])
  const [height, setHeight] = useState(PREVIEW_MIN_HEIGHT)
  const fitContent = (event: SyntheticEvent<HTMLIFrameElement>) => {
    const root = event.currentTarget.contentDocument?.documentElement
    if (root) setHeight(previewHeight(root.scrollHeight))
  }
  return (
    <iframe
      className="html-preview"
      title={title}
      sandbox="allow-same-origin"
      srcDoc={srcDoc}
      referrerPolicy="no-referrer"
      style={{ height: `${height}px` }}
      onLoad={fitContent}
    />
  )
}
