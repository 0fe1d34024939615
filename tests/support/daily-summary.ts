import type { SummaryItem, WorkflowSummary } from "~src/domain/summary"

/** One item of a daily summary: a HubSpot contact the monitor policy let run, unless told otherwise. */
export function summaryItem(id: string, title: string, overrides: Partial<SummaryItem> = {}): SummaryItem {
  const status = overrides.status ?? "auto_approved"
  return {
    proposalId: id,
    version: 1,
    status,
    revertible: status === "auto_approved" || status === "executed",
    title,
    target: { platform: "hubspot", kind: "contact", id: id.toLowerCase(), url: `https://app.hubspot.com/contacts/1/record/0-1/${id}` },
    at: "2026-11-24T10:00:00.000Z",
    actor: { name: "policy", role: "policy" },
    detail: "monitor: AI executes, reviewers can revert or pause",
    ...overrides
  }
}

/** A workflow's day with nothing in it: tests add the sections they are about. */
export function workflowSummary(workflow: Pick<WorkflowSummary, "workflowId" | "name" | "model"> & Partial<WorkflowSummary>): WorkflowSummary {
  return {
    paused: false,
    executed: [],
    autoApproved: [],
    reverted: [],
    failed: [],
    escalated: [],
    spotCheck: { size: 5, population: 0, items: [] },
    ...workflow
  }
}
