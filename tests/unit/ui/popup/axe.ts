import axe from "axe-core"

/** Serious and critical axe violations on the current document, as readable strings. */
export async function seriousViolations(): Promise<string[]> {
  const result = await axe.run(document, {
    // jsdom cannot compute colours or layout; those checks run in the real-Chromium e2e.
    rules: { "color-contrast": { enabled: false } }
  })
  return result.violations
    .filter((v) => v.impact === "serious" || v.impact === "critical")
    .map((v) => `${v.id} (${v.impact}): ${v.nodes.map((n) => n.target.join(" ")).join(", ")}`)
}
