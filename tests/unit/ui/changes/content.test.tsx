// @vitest-environment jsdom
import "./rtl-cleanup"
import { render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { ContentChangeView } from "~src/ui/changes/content"
import { PREVIEW_CSP, previewDocument, sanitizeAiHtml } from "~src/ui/changes/sanitized-html-preview"
import { contentHostileHtml, contentText } from "./sample-changes"

describe("ContentChangeView", () => {
  it("shows a word-level diff: removed and added words marked", () => {
    const { container } = render(<ContentChangeView change={contentText} />)
    expect([...container.querySelectorAll("del")].map((d) => d.textContent)).toEqual(["the"])
    expect([...container.querySelectorAll("ins")].map((d) => d.textContent)).toEqual(["our brand-new"])
    expect(screen.getByRole("group", { name: "Changes to subject" }).textContent).toContain("spring line-up")
  })

  it("has no HTML preview for plain text", () => {
    const { container } = render(<ContentChangeView change={contentText} />)
    expect(container.querySelector("iframe")).toBeNull()
  })

  it("renders HTML source in the diff as text, never as markup", () => {
    const { container } = render(<ContentChangeView change={contentHostileHtml} />)
    const diff = screen.getByRole("group", { name: "Changes to body" })
    expect(diff.textContent).toContain("<script>")
    for (const tag of ["script", "img", "a", "b", "form", "meta"]) expect(diff.querySelector(tag)).toBeNull()
    expect(container.querySelector("script, img, form, meta")).toBeNull()
  })

  it("previews AI HTML only inside a fully sandboxed iframe", () => {
    const { container } = render(<ContentChangeView change={contentHostileHtml} />)
    const frame = container.querySelector("iframe")!
    expect(frame.getAttribute("sandbox")).toBe("")
    expect(frame.getAttribute("title")).toBe("Preview of the proposed body")
    const srcdoc = frame.getAttribute("srcdoc")!
    expect(srcdoc).toContain(`content="${PREVIEW_CSP}"`)
    expect(srcdoc).toContain("<b>friend</b>")
  })
})

describe("sanitizeAiHtml", () => {
  const clean = sanitizeAiHtml(contentHostileHtml.after)

  it.each([
    ["script tags", /<script/i],
    ["event-handler attributes", /onerror/i],
    ["javascript: links", /javascript:/i],
    ["a CSP-loosening meta tag", /<meta/i],
    ["forms that post elsewhere", /<form|evil\.example/i]
  ])("removes %s", (_what, pattern) => {
    expect(clean).not.toMatch(pattern)
  })

  it("keeps harmless formatting", () => {
    expect(clean).toContain("<b>friend</b>")
  })

  it("puts the CSP before any AI content in the preview document", () => {
    const doc = previewDocument("<p>x</p>")
    expect(doc.indexOf("Content-Security-Policy")).toBeLessThan(doc.indexOf("<p>x</p>"))
    expect(PREVIEW_CSP).toBe("default-src 'none'; style-src 'unsafe-inline'; img-src data:")
  })
})
