// @vitest-environment jsdom
import { cleanup, render, screen } from "@testing-library/react"
import { afterEach, describe, expect, it, vi } from "vitest"
import type { Me } from "~src/domain/me"
import type { CustomDomainBrowser } from "~src/ui/options/custom-domain-browser"
import { OptionsApp } from "~src/ui/options/options-app"
import { BackgroundProvider } from "~src/ui/query-client"
import { seriousViolations } from "../popup/axe"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"
import { statsResponse, workflowStats } from "./stats-fixture"

vi.mock("uplot", () => ({ default: class { destroy() {} } }))
afterEach(cleanup)

const domains: CustomDomainBrowser = {
  requestOrigin: async () => true,
  removeOrigin: async () => true,
  registerScript: async () => {},
  unregisterScript: async () => {},
  manifestContentScripts: () => [],
  readDomains: async () => [{ host: "go.acme.com", platform: "marketo", scriptId: "signoff-custom-go.acme.com", addedAt: "2026-11-01T00:00:00Z" }],
  writeDomains: async () => {}
}

function renderOptions(me: Me) {
  const workflows = [makeWorkflow({ id: "enrich", name: "Enrichment" }), makeWorkflow({ id: "routing", name: "Lead routing", model: "exception" })]
  const background = fakeBackground({
    "settings.get": () => ({ serverUrl: "http://127.0.0.1:8787", hasToken: true, tokenHint: "abcd", notifications: false, syncIntervalMinutes: 1 }),
    "me.get": () => me,
    "workflows.list": () => ({ workflows }),
    "api.call": (m) =>
      m.path === "/v1/principals"
        ? { status: 200, body: [{ id: "P1", name: "Ana", role: "reviewer", email: null, createdAt: "2026-11-01T00:00:00.000Z", tokens: [] }] }
        : m.path === "/v1/custom-domains"
          ? { status: 200, body: [] }
          : {
      status: 200,
      body: statsResponse([
        workflowStats({ workflowId: "enrich", name: "Enrichment", model: "approve", recommendation: { action: "loosen_to_monitor", to: "monitor", rule: "r", evidence: ["62 decisions"] } }),
        workflowStats({ workflowId: "routing", name: "Lead routing", model: "exception", recommendation: { action: "tighten", to: "approve", rule: "r", evidence: ["reverts 14%"] } })
      ])
    }
  })
  render(
    <BackgroundProvider ask={background.ask}>
      <OptionsApp customDomainBrowser={domains} />
    </BackgroundProvider>
  )
}

describe("options page accessibility (axe)", () => {
  it.each([
    ["an admin", { name: "Ada", role: "admin" }],
    ["a reviewer", { name: "Rita", role: "reviewer" }]
  ] as const)("has no serious or critical violations for %s", async (_who, me) => {
    renderOptions(me)
    await screen.findByRole("region", { name: "Recommendation for Enrichment" })
    await screen.findByText("go.acme.com")
    expect(document.title).toBe("Signoff settings")
    expect(await seriousViolations()).toEqual([])
  })

  it("keeps the UI contract: one Server URL input, one API token input, one Save button", async () => {
    renderOptions({ name: "Ada", role: "admin" })
    await screen.findByRole("form", { name: "Workflow Enrichment" })
    expect(screen.getAllByLabelText(/Server URL/i)).toHaveLength(1)
    expect(screen.getAllByLabelText(/API token/i)).toHaveLength(1)
    // Scripts find it by name, and Playwright matches names by substring: nothing else may contain "save".
    expect(screen.getAllByRole("button", { name: /save/i }).map((b) => b.textContent)).toEqual(["Save"])
  })
})
