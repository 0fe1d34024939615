/** What the adapter examples share: the demo email they propose a subject for, and how a subject becomes a proposal. */
import type { Change, ProposalCreate } from "~src/domain"
import { DEMO_URLS } from "../../scripts/demo-data"

export type SubjectInput = { emailId: string; subject: string }

export const CURRENT_SUBJECT = "Meet the spring line-up"

export const proposeSubject = (input: SubjectInput, agentName: string): ProposalCreate => ({
  workflowId: "email-copywriter",
  agent: { name: agentName, version: "1.0.0" },
  target: { platform: "hubspot", kind: "email", id: input.emailId, url: DEMO_URLS.hubspotEmail },
  title: `New subject line for email ${input.emailId}`,
  summary: `"${CURRENT_SUBJECT}" → "${input.subject}"`,
  evidence: [{ label: "Subject length", value: `${input.subject.length} characters` }],
  confidence: 0.7,
  change: { kind: "content", field: "subject", format: "text", before: CURRENT_SUBJECT, after: input.subject }
})

/** A reviewer's edited change, back as the tool's arguments. */
export const subjectFrom = (change: Change, input: SubjectInput): SubjectInput => (change.kind === "content" ? { ...input, subject: change.after } : input)

export const say = (line: string) => console.log(line)
