/**
 * The test suites' proposals, in one place: what an agent posts (`proposalBody`), what the API
 * returns and the extension stores (`makeProposal`), and a reviewer's decision (`makeDecision`).
 * Suites that tell a particular story (the panel's customer-facing email) override fields; they do
 * not define proposals of their own.
 */
import { type Decision, type ProposalCreate } from "~src/domain"
import { LocalProposal } from "~src/local/local-proposal"

/** A valid body for POST /v1/proposals; override any field per test. */
export function proposalBody(overrides: Partial<ProposalCreate> = {}): ProposalCreate {
  return {
    workflowId: "email-copy",
    agent: { name: "copy-writer", version: "1.4.0" },
    target: { platform: "hubspot", kind: "email", id: "4242", url: "https://app.hubspot.com/email/1/edit/4242" },
    title: "Shorter subject line for the November newsletter",
    summary: "Cuts the subject from 72 to 41 characters.",
    evidence: [{ label: "Open rate of short subjects", value: "+3.1 pp over 12 sends", source: "HubSpot email analytics" }],
    confidence: 0.82,
    change: { kind: "content", field: "subject", format: "text", before: "Our November newsletter: all the product news", after: "November: what's new" },
    ...overrides
  }
}

/** When made proposals were created: an hour before the suites' "now" (2026-11-25T12:00Z). */
export const PROPOSAL_CREATED_AT = "2026-11-25T11:00:00.000Z"

let counter = 0

/**
 * A valid proposal as the API returns it and the extension stores it (validated, so a test cannot
 * build one the schema refuses): pending, low risk, one approval needed, on its own email record.
 */
export function makeProposal(overrides: Partial<LocalProposal> = {}): LocalProposal {
  counter += 1
  return LocalProposal.parse({
    id: `01PROP${String(counter).padStart(8, "0")}`,
    workflowId: "email-copy",
    agent: { name: "copy-bot", version: "1.0" },
    target: { platform: "hubspot", kind: "email", id: `e-${counter}`, url: `https://app.hubspot.com/email/1/edit/${counter}` },
    title: `Proposal ${counter}`,
    summary: "Shorter subject line",
    evidence: [],
    confidence: 0.9,
    change: { kind: "content", field: "subject", format: "text", before: "Hello", after: "Hi" },
    status: "pending",
    version: 1,
    seq: counter,
    createdAt: PROPOSAL_CREATED_AT,
    updatedAt: PROPOSAL_CREATED_AT,
    approvals: 0,
    quorum: 1,
    decisions: [],
    // What the server says of a change it lets a person approve unseen (src/domain/risk-classification.ts).
    riskAssessment: { level: "low", reasons: [], quickApprovable: true },
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
