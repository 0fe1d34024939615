// @vitest-environment jsdom
import "./rtl-cleanup"
import { render, screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { ContentChangeView } from "~src/ui/changes/content"
import { diffByWords } from "~src/ui/changes/word-diff"
import { PREVIEW_CSP, PREVIEW_MAX_HEIGHT, PREVIEW_MIN_HEIGHT, previewHeight, previewDocument, sanitizeAiHtml } from "~src/ui/changes/sanitized-html-preview"
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

  it("previews AI HTML only inside an iframe sandboxed without scripts, forms, popups or navigation", () => {
    const { container } = render(<ContentChangeView change={contentHostileHtml} />)
    const frame = container.querySelector("iframe")!
    // Same origin only, so the panel can read the email's height; nothing in it can run to use it.
    expect(frame.getAttribute("sandbox")).toBe("allow-same-origin")
    expect(frame.getAttribute("title")).toBe("Preview of the proposed body")
    const srcdoc = frame.getAttribute("srcdoc")!
    expect(srcdoc).toContain(`content="${PREVIEW_CSP}"`)
    expect(srcdoc).toContain("<b>friend</b>")
  })
})

describe("previewHeight", () => {
  it("shows the email at its own height, at least 320 px and at most 640 px (then it scrolls)", () => {
    expect(previewHeight(45)).toBe(PREVIEW_MIN_HEIGHT)
    expect(previewHeight(480.2)).toBe(481)
    expect(previewHeight(5_000)).toBe(PREVIEW_MAX_HEIGHT)
    expect([PREVIEW_MIN_HEIGHT, PREVIEW_MAX_HEIGHT]).toEqual([320, 640])
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

describe("diffByWords", () => {
  const marked = (before: string, after: string) =>
    diffByWords(before, after)
      .map((p) => (p.added ? `{+${p.value}+}` : p.removed ? `[-${p.value}-]` : p.value))
      .join("")

  it.each([
    ["Meet the spring line-up", "Meet our brand-new spring line-up", "Meet [-the-]{+our brand-new+} spring line-up"],
    ["Save 10% today", "Save 20% today", "Save [-10-]{+20+}% today"],
    ["Café ouvert", "Café fermé", "Café [-ouvert-]{+fermé+}"],
    ["same text", "same text", "same text"],
    ["", "new copy", "{+new copy+}"]
  ])("diffs %j → %j word by word", (before, after, expected) => {
    expect(marked(before, after)).toBe(expected)
  })

  it("keeps every character of both versions", () => {
    const parts = diffByWords("a b  c\nd", "a x  c\ne")
    expect(
      parts
        .filter((p) => !p.added)
        .map((p) => p.value)
        .join("")
    ).toBe("a b  c\nd")
    expect(
      parts
        .filter((p) => !p.removed)
        .map((p) => p.value)
        .join("")
    ).toBe("a x  c\ne")
  })
})
