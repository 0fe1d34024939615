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
      fakeBackground({
        proposals: [...proposals, proposal({ status: "executed", workflowId: "w" })],
        workflows: [workflow("email-copy", "approve"), workflow("w", "monitor")]
      })
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

  it("has none with an edited version, its deadline and the decision history open", async () => {
    const change = { kind: "content" as const, field: "subject", format: "text" as const, before: "Hi", after: "Hello!!!" }
    const edited = { ...change, after: "Hello" }
    const p = proposal({
      change,
      editedChange: edited,
      editedBy: { name: "Ben Editor", at: "2026-11-25T09:00:00.000Z", proposalVersion: 1 },
      expiresAt: "2999-01-01T00:00:00.000Z",
      remindAt: "2026-11-25T09:30:00.000Z"
    })
    const history = {
      proposalId: p.id,
      workflowId: p.workflowId,
      status: "pending" as const,
      version: p.version,
      entries: [
        {
          seq: 1,
          at: "2026-11-25T08:00:00.000Z",
          actor: { name: "copywriter", role: "agent" },
          type: "created" as const,
          status: "pending" as const,
          model: null,
          review: null,
          contentHash: null,
          expiresAt: null,
          remindAt: null
        },
        {
          seq: 2,
          at: "2026-11-25T09:00:00.000Z",
          actor: { name: "Ben Editor", role: "reviewer" },
          type: "edit" as const,
          decisionId: "D",
          proposalVersion: 1,
          fromStatus: null,
          toStatus: null,
          reason: null,
          reviewMs: 1000,
          approvals: 1,
          quorum: 2,
          contentHash: null,
          edit: { edits: null, before: change, after: edited },
          workflowPaused: null
        }
      ]
    }
    const { user, container } = renderPanel(fakeBackground({ proposals: [p], histories: { [p.id]: history } }))
    await openPanel(user)
    await user.click(screen.getByText("Decision history"))
    await screen.findByRole("list", { name: "Decision history, oldest first" })
    expect(await seriousViolations(container)).toEqual([])
  })
})
