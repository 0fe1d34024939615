import { z } from "zod"
import { Change } from "./changes"
import { PROPOSAL_STATUSES } from "./labels"
import { Decision } from "./decision"
import { Target } from "./platform"
import { ProposalReview, RiskAssessment } from "./review"

export const ProposalStatus = z.enum(PROPOSAL_STATUSES)
export type ProposalStatus = z.infer<typeof ProposalStatus>

/** Statuses a human can still act on in the panel (decide, or revert what ran). */
export const OPEN_STATUSES: readonly ProposalStatus[] = ["pending"]

export const Evidence = z.strictObject({
  label: z.string().min(1).max(200),
  value: z.string().max(5_000),
  source: z.string().max(500).optional()
})
export type Evidence = z.infer<typeof Evidence>

export const RiskFlags = z.strictObject({
  customerData: z.boolean().optional(),
  writesProduction: z.boolean().optional(),
  customerFacing: z.boolean().optional(),
  bulk: z.boolean().optional(),
  edgeCase: z.boolean().optional()
})
export type RiskFlags = z.infer<typeof RiskFlags>

export const Impact = z.strictObject({
  metric: z.string().min(1).max(200),
  value: z.number(),
  note: z.string().max(1_000).optional()
})
export type Impact = z.infer<typeof Impact>

export const AgentRef = z.strictObject({
  name: z.string().min(1).max(100),
  version: z.string().min(1).max(50)
})

export const WorkflowId = z
  .string()
  .min(1)
  .max(100)
  .regex(/^[A-Za-z0-9][A-Za-z0-9._-]*$/, "letters, digits, '.', '_' and '-' only")

/** The fields an agent sends; shared by the create body and the stored proposal. */
const proposalFields = {
  workflowId: WorkflowId,
  agent: AgentRef,
  target: Target,
  title: z.string().min(1).max(200),
  summary: z.string().max(1_000),
  rationale: z.string().max(10_000).optional(),
  evidence: z.array(Evidence).max(100),
  confidence: z.number().min(0).max(1),
  risk: RiskFlags.optional(),
  expiresAt: z.iso.datetime({ offset: true }).optional(),
  impact: z.array(Impact).max(50).optional(),
  baseSnapshotHash: z.string().min(1).max(200).optional(),
  change: Change
}

/** POST /v1/proposals body. Unknown fields are rejected. */
export const ProposalCreate = z.strictObject(proposalFields)
export type ProposalCreate = z.infer<typeof ProposalCreate>

/** The reviewer behind a proposal's current `editedChange`. */
export const ProposalEditor = z.object({
  name: z.string(),
  principalId: z.string().optional(),
  /** When the edit was made, and the version of the proposal it was made on. */
  at: z.iso.datetime({ offset: true }),
  proposalVersion: z.int()
})
export type ProposalEditor = z.infer<typeof ProposalEditor>

/** A proposal as the server stores and returns it. */
export const Proposal = z.object({
  ...proposalFields,
  id: z.string(),
  status: ProposalStatus,
  version: z.int().min(1),
  seq: z.int().min(0),
  createdAt: z.iso.datetime({ offset: true }),
  updatedAt: z.iso.datetime({ offset: true }),
  /** The reviewer's edited change, when an `edit` decision was made; the agent applies this one. */
  editedChange: Change.optional(),
  /**
   * Who made `editedChange` and when (the last `edit` decision): what a co-approver on a quorum
   * workflow approves is this version, and their approval binds to its hash.
   */
  editedBy: ProposalEditor.optional(),
  /** sha256 of the canonical change that was approved (edited one if edited). */
  contentHash: z.string().optional(),
  /** Distinct approvals so far, for quorum. */
  approvals: z.int().min(0).default(0),
  /** Principal ids of the people whose approvals count now (an edit restarts the count): "have I approved this version?" */
  approvedBy: z.array(z.string()).optional(),
  /**
   * When a reminder about this pending proposal is due: the reminder share of the time from
   * creation to `expiresAt` (GET /v1/settings/deadlines), fixed at creation. The
   * `proposal.expiring` webhook fires then; the extension reminds at the same moment.
   */
  remindAt: z.iso.datetime({ offset: true }).optional(),
  quorum: z.int().min(1).default(1),
  decisions: z.array(Decision).default([]),
  /** Why it is pending or was auto-approved, decided by the server (a review rule names itself). */
  review: ProposalReview.optional(),
  /** The server's risk classification of the change: what may be approved without opening it. */
  riskAssessment: RiskAssessment.optional()
})
export type Proposal = z.infer<typeof Proposal>
