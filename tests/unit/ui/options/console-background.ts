import type { Me } from "~src/domain/me"
import type { CustomDomainBrowser } from "~src/ui/options/custom-domain-browser"
import { fakeBackground, makeWorkflow } from "../popup/fake-background"
import { statsResponse, workflowStats } from "./stats-fixture"

/** Custom domains without a browser: one stored host, every permission granted. */
export const fakeDomains: CustomDomainBrowser = {
  requestOrigin: async () => true,
  removeOrigin: async () => true,
  registerScript: async () => {},
  unregisterScript: async () => {},
  manifestContentScripts: () => [],
  readDomains: async () => [{ host: "go.acme.com", platform: "marketo", scriptId: "signoff-custom-go.acme.com", addedAt: "2026-11-01T00:00:00Z" }],
  writeDomains: async () => {}
}

/** A background that answers everything every console section asks, as `me`. */
export function consoleBackground(me: Me) {
  const workflows = [makeWorkflow({ id: "enrich", name: "Enrichment" }), makeWorkflow({ id: "routing", name: "Lead routing", model: "exception" })]
  const stats = statsResponse([
    workflowStats({
      workflowId: "enrich",
      name: "Enrichment",
      model: "approve",
      recommendation: { action: "loosen_to_monitor", to: "monitor", rule: "r", evidence: ["62 decisions"] }
    }),
    workflowStats({
      workflowId: "routing",
      name: "Lead routing",
      model: "exception",
      recommendation: { action: "tighten", to: "approve", rule: "r", evidence: ["reverts 14%"] }
    })
  ])
  const answers: Record<string, unknown> = {
    "/v1/principals": [{ id: "P1", name: "Ana", role: "reviewer", email: null, createdAt: "2026-11-01T00:00:00.000Z", tokens: [] }],
    "/v1/custom-domains": []
  }
  return fakeBackground({
    "settings.get": () => ({ serverUrl: "http://127.0.0.1:8787", hasToken: true, tokenHint: "abcd", notifications: false, syncIntervalMinutes: 1 }),
    "me.get": () => me,
    "workflows.list": () => ({ workflows }),
    "deadlines.get": () => ({ defaultExpiryHours: { approve: 72, monitor: null, exception: 24 }, reminderShare: 0.8 }),
    "api.call": (m) =>
      m.path.startsWith("/v1/stats")
        ? { status: 200, body: stats }
        : m.path in answers
          ? { status: 200, body: answers[m.path] }
          : { status: 404, body: { error: { code: "not_found", message: "no" } } }
  })
}
