import { Proposal, type Decision } from "~src/domain"

let counter = 0

/** A valid server-side proposal; override what the test is about. */
export function makeProposal(overrides: Partial<Proposal> = {}): Proposal {
  counter++
  return Proposal.parse({
    id: `01HPROPOSAL${String(counter).padStart(6, "0")}`,
    workflowId: "email-copy",
    agent: { name: "writer-bot", version: "1.0.0" },
    target: { platform: "hubspot", kind: "contact", id: String(100 + counter) },
    title: `Proposal ${counter}`,
    summary: "Tighten the subject line",
    evidence: [{ label: "Open rate", value: "12%" }],
    confidence: 0.8,
    change: { kind: "content", field: "subject", format: "text", before: "Hi", after: "Hello" },
    status: "pending",
    version: 1,
    seq: counter,
    createdAt: "2026-11-25T09:00:00.000Z",
    updatedAt: "2026-11-25T09:00:00.000Z",
    ...overrides
  })
}

export function makeDecision(overrides: Partial<Decision> = {}): Decision {
  return {
    id: "01HDECISION",
    proposalId: "01HPROPOSAL",
    action: "approve",
    actor: { name: "Ana", role: "reviewer" },
    proposalVersion: 1,
    createdAt: "2026-11-25T10:00:00.000Z",
    ...overrides
  }
}
