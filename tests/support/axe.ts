/** axe-core in real Chromium pages: host pages with the Signoff panel, and extension pages. */
import { readFileSync } from "node:fs"
import { createRequire } from "node:module"
import type { Frame, Page } from "playwright-core"

const axeSource = readFileSync(createRequire(import.meta.url).resolve("axe-core/axe.min.js"), "utf8")

interface AxeViolation {
  id: string
  impact: string | null
  help: string
  nodes: Array<{ target: unknown[] }>
}

/**
 * Serious and critical axe violations on a page or frame (the panel is a frame of its own).
 * `insideShadowOnly` keeps those whose node is inside a shadow root and ignores the rest.
 * Evaluated through CDP, which extension pages' CSP does not block (unlike a script tag).
 */
export async function seriousAxeViolations(page: Page | Frame, { insideShadowOnly = false } = {}): Promise<string[]> {
  await page.evaluate(axeSource)
  const violations = (await page.evaluate(async () => {
    const axe = (window as unknown as { axe: { run: (ctx: unknown, opts: unknown) => Promise<{ violations: unknown[] }> } }).axe
    const result = await axe.run(document, { iframes: false, resultTypes: ["violations"] })
    return result.violations
  })) as AxeViolation[]
  return violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => ({ ...v, nodes: insideShadowOnly ? v.nodes.filter((n) => Array.isArray(n.target[0])) : v.nodes }))
    .filter((v) => v.nodes.length > 0)
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.nodes.map((n) => JSON.stringify(n.target)).join(", ")})`)
}
