import { McpServer } from "@modelcontextprotocol/sdk/server/mcp.js"
import type { CallToolResult } from "@modelcontextprotocol/sdk/types.js"
import { z } from "zod"
import { Change, DecisionReason, ExecutionReport, Proposal, ProposalCreate, ProposalStatus } from "~src/domain"
import { ProposalListQuery } from "~src/domain/api-responses"
import { MAX_WAIT_SECONDS, type SignoffClient } from "../client"
import type { DecisionOutcome } from "../decision"
import { SignoffApiError, SignoffNetworkError } from "../errors"

/** The six tools, by name. None approves or rejects: an agent can never decide its own proposal. */
export const SIGNOFF_TOOL_NAMES = ["signoff_propose", "signoff_wait", "signoff_get", "signoff_list", "signoff_report_execution", "signoff_cancel"] as const

const ProposalId = z.string().min(1).max(64).describe("The proposal id signoff_propose returned")

const Created = z.object({
  id: z.string(),
  status: ProposalStatus,
  contentHash: z.string().describe("Hash of the change as proposed"),
  reviewUrl: z.string().nullable().describe("Where a person reviews it: the target's page, with the Signoff panel")
})

const WaitResult = z.object({
  id: z.string(),
  status: z.enum(["pending", "approved", "rejected", "expired", "cancelled", "executed", "failed", "reverted"]),
  message: z.string(),
  change: Change.optional().describe("approved: the change to apply, including any reviewer edits"),
  contentHash: z.string().optional().describe("approved: report this hash with signoff_report_execution"),
  edited: z.boolean().optional(),
  automatic: z.boolean().optional(),
  reason: DecisionReason.optional().describe("rejected: the reviewer's reason"),
  reviewer: z.string().nullable().optional(),
  cancelReason: z.string().nullable().optional()
})

const Updated = z.object({ id: z.string(), status: ProposalStatus, version: z.int() })

const ListInput = ProposalListQuery.pick({ status: true, workflowId: true, platform: true, targetKind: true, targetId: true, cursor: true }).extend({
  limit: z.int().min(1).max(100).default(20)
})

/**
 * An MCP server exposing Signoff to an agent through `client` (which carries the agent's token):
 * propose, wait, read, list, report execution, cancel. Deciding is deliberately absent: a
 * person decides, in the review panel or through the reviewer API, never the agent.
 */
export function createSignoffMcpServer(client: SignoffClient): McpServer {
  const server = new McpServer(
    { name: "signoff", version: "1.0.0" },
    {
      instructions:
        "Signoff puts a person in the loop of your changes to marketing systems. Propose a change with signoff_propose, then call signoff_wait (again while it answers pending) until a person decides. Apply only an approved change, exactly as signoff_wait returns it (it may include the reviewer's edits), then report it with signoff_report_execution and its contentHash. On a rejection, read the reason and do not apply the change."
    }
  )

  server.registerTool(
    "signoff_propose",
    {
      title: "Propose a change for human review",
      description:
        "Submits a proposed change (what, on which record, why, the evidence used, confidence) to Signoff. A person reviews it in the marketing platform; nothing may be applied before signoff_wait answers approved. Pass idempotencyKey to make a retry safe.",
      inputSchema: ProposalCreate.extend({ idempotencyKey: z.string().min(1).max(200).optional() }),
      outputSchema: Created,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false }
    },
    ({ idempotencyKey, ...body }) =>
      answer(async () => {
        const { id, status, contentHash, reviewUrl } = await client.createProposal(body, idempotencyKey ? { idempotencyKey } : {})
        return { id, status, contentHash, reviewUrl }
      })
  )

  server.registerTool(
    "signoff_wait",
    {
      title: "Wait for the decision on a proposal",
      description: `Waits up to timeoutSeconds (at most ${MAX_WAIT_SECONDS}) for a person's decision. While it answers pending, call it again. approved comes with the change to apply (possibly edited by the reviewer) and its contentHash; rejected with the reason.`,
      inputSchema: z.object({ id: ProposalId, timeoutSeconds: z.int().min(0).max(MAX_WAIT_SECONDS).default(MAX_WAIT_SECONDS) }),
      outputSchema: WaitResult,
      annotations: { readOnlyHint: true, openWorldHint: false }
    },
    ({ id, timeoutSeconds }, extra) =>
      answer(async () => waitResult(await client.waitForDecision(id, { timeoutMs: timeoutSeconds * 1_000, signal: extra.signal })))
  )

  server.registerTool(
    "signoff_get",
    {
      title: "Read a proposal",
      description: "One of your proposals as it stands, with its decisions.",
      inputSchema: z.object({ id: ProposalId }),
      outputSchema: z.object({ proposal: Proposal }),
      annotations: { readOnlyHint: true, openWorldHint: false }
    },
    ({ id }) => answer(async () => ({ proposal: await client.getProposal(id) }))
  )

  server.registerTool(
    "signoff_list",
    {
      title: "List your proposals",
      description:
        "Your own proposals, newest first, filtered (e.g. status pending to pick up work after a restart); pass nextCursor as cursor for the next page.",
      inputSchema: ListInput,
      outputSchema: z.object({ items: z.array(Proposal), nextCursor: z.string().nullable() }),
      annotations: { readOnlyHint: true, openWorldHint: false }
    },
    (filter) => answer(() => client.listProposals(filter))
  )

  server.registerTool(
    "signoff_report_execution",
    {
      title: "Report what you applied",
      description:
        "After applying an approved change, report executed (or failed) with the contentHash signoff_wait returned. A different hash is refused (stale_approval): only what was approved may run.",
      inputSchema: ExecutionReport.extend({ id: ProposalId }),
      outputSchema: Updated,
      annotations: { readOnlyHint: false, destructiveHint: false, idempotentHint: false, openWorldHint: false }
    },
    ({ id, ...report }) =>
      answer(async () => {
        const proposal = await client.reportExecution(id, report)
        return { id: proposal.id, status: proposal.status, version: proposal.version }
      })
  )

  server.registerTool(
    "signoff_cancel",
    {
      title: "Withdraw a proposal",
      description: "Withdraws one of your proposals that has not run (pending or approved), with the reason. It leaves the reviewers' queue.",
      inputSchema: z.object({ id: ProposalId, reason: z.string().trim().min(1).max(2_000) }),
      outputSchema: Updated,
      annotations: { readOnlyHint: false, destructiveHint: true, idempotentHint: true, openWorldHint: false }
    },
    ({ id, reason }) =>
      answer(async () => {
        const proposal = await client.cancelProposal(id, reason)
        return { id: proposal.id, status: proposal.status, version: proposal.version }
      })
  )

  return server
}

function waitResult(outcome: DecisionOutcome): z.infer<typeof WaitResult> {
  const id = outcome.proposal.id
  switch (outcome.status) {
    case "timeout":
      return { id, status: "pending", message: "Still waiting for a person's decision: call signoff_wait again." }
    case "approved":
      return {
        id,
        status: "approved",
        message: outcome.edited ? "Approved with the reviewer's edits: apply this change, exactly." : "Approved: apply this change, exactly.",
        change: outcome.change,
        contentHash: outcome.contentHash,
        edited: outcome.edited,
        automatic: outcome.automatic
      }
    case "rejected":
      return { id, status: "rejected", message: "Rejected: do not apply it.", reason: outcome.reason, reviewer: outcome.reviewer }
    case "cancelled":
      return { id, status: "cancelled", message: "Cancelled: it will not run.", cancelReason: outcome.reason }
    default:
      return { id, status: outcome.status, message: `The proposal is ${outcome.status}; do not apply it again.` }
  }
}

/** A tool's answer: the structured result (and the same as text), or the API's refusal as a tool error the model can read. */
async function answer(run: () => Promise<Record<string, unknown>>): Promise<CallToolResult> {
  try {
    const structuredContent = await run()
    return { content: [{ type: "text", text: JSON.stringify(structuredContent) }], structuredContent }
  } catch (error) {
    if (error instanceof SignoffApiError || error instanceof SignoffNetworkError) {
      const prefix = error instanceof SignoffApiError ? `${error.status} ${error.code}: ` : ""
      return { isError: true, content: [{ type: "text", text: `${prefix}${error.message}` }] }
    }
    throw error
  }
}
