// @vitest-environment jsdom
import "../changes/rtl-cleanup"
import axe from "axe-core"
import { screen } from "@testing-library/react"
import { describe, expect, it } from "vitest"
import { bulk, contentHostileHtml, fields, flow, routing, scoring, segment } from "../changes/sample-changes"
import { fakeBackground, proposal, workflow } from "./fake-background"
import { openPanel, renderPanel } from "./render-panel"

async function seriousViolations(root: Element) {
  // jsdom cannot compute colours (contrast belongs to a real-browser run), and the preview
  // iframe is sandboxed with an opaque origin, so axe cannot (and need not) enter it.
  const result = await axe.run(root, { iframes: false, rules: { "color-contrast": { enabled: false } } })
  return result.violations.filter((v) => v.impact === "serious" || v.impact === "critical").map((v) => `${v.id}: ${v.help}`)
}

describe("open panel accessibility", () => {
  it("has no serious or critical axe violations with every change kind and the reject flow open", async () => {
    const proposals = [contentHostileHtml, fields, bulk, segment, scoring, flow, routing].map((change) =>
      proposal({ change, impact: [{ metric: "records affected", value: 10 }], risk: { bulk: true } })
    )
    const { user, container } = renderPanel(
      fakeBackground({ proposals: [...proposals, proposal({ status: "executed", workflowId: "w" })], workflows: [workflow("email-copy", "approve"), workflow("w", "monitor")] })
    )
    await openPanel(user)
    expect(await seriousViolations(container)).toEqual([])
    for (const p of proposals.slice(1)) {
      await user.click(screen.getByRole("button", { name: p.title }))
      expect(await seriousViolations(container)).toEqual([])
    }
    await user.click(screen.getByRole("button", { name: "Reject" }))
    await user.click(screen.getByRole("button", { name: /^Other/ }))
    expect(await seriousViolations(container)).toEqual([])
  }, 60_000)
})
