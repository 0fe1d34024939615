import type { Tool, ToolApprovalResponse, ToolExecutionOptions } from "ai"
import type { Change, ProposalCreate } from "~src/domain"
import type { SignoffClient } from "../client"
import { type DecisionOutcome, describeRejection } from "../decision"

/**
 * Signoff for the Vercel AI SDK (v6): a person approves, edits or rejects each call of a
 * side-effecting tool.
 *
 * - `tool(name, tool, {propose, toInput})` wraps a tool. Its `needsApproval` proposes the call
 *   (keyed by the tool call id) and asks for approval unless the workflow's policy already
 *   approved it (monitor / exception models): the agent does not choose its own oversight.
 *   Its `execute` runs the *approved* input — the reviewer's edits mapped back by `toInput` —
 *   and reports the execution with the approved content hash (or the failure).
 * - `respond(result.content)` answers the AI SDK's `tool-approval-request` parts with Signoff's
 *   decisions (waiting for them): approved, or denied with the reviewer's reason, which the AI
 *   SDK hands to the model.
 *
 * With `waitInTool: true` there is no approval step: `execute` proposes, waits and either runs or
 * returns the rejection to the model as the tool's result (simplest for background agents).
 */
export interface SignoffToolOptions<INPUT> {
  /** The proposal for one call. Must be deterministic: it is sent again with the same key on resume. */
  propose: (input: INPUT) => ProposalCreate
  /** The tool input that applies `change` (the approved change, possibly edited by a reviewer). */
  toInput: (change: Change, input: INPUT) => INPUT
  /** Wait inside `execute` instead of the AI SDK's approval step. */
  waitInTool?: boolean
}

export interface SignoffPolicyOptions {
  client: SignoffClient
  /** Namespace of the idempotency keys (the tool call id completes them). Default "ai-sdk". */
  keyPrefix?: string
  /** How long `respond` and a waiting tool wait for a person (default: until decided or expired). */
  waitTimeoutMs?: number
}

/** What the model gets back from a waiting tool instead of a result, when nothing was applied. */
export interface NotApplied {
  applied: false
  status: Exclude<DecisionOutcome["status"], "approved">
  proposalId: string
  message: string
}

type ApprovalRequestPart = { type: "tool-approval-request"; approvalId: string; toolCall: { toolCallId: string; toolName: string; input: unknown } }

export function signoffPolicy({ client, keyPrefix = "ai-sdk", waitTimeoutMs }: SignoffPolicyOptions) {
  const proposers = new Map<string, (input: unknown) => ProposalCreate>()
  const keyOf = (toolCallId: string) => `${keyPrefix}:${toolCallId}`
  const waitOptions = waitTimeoutMs === undefined ? {} : { timeoutMs: waitTimeoutMs }

  /** The proposal of one tool call: created on first sight, the same one (idempotent replay) after. */
  const proposalFor = (toolName: string, input: unknown, toolCallId: string) => {
    const propose = proposers.get(toolName)
    if (!propose) throw new Error(`signoff: no tool named ${toolName} was wrapped with signoffPolicy().tool`)
    return client.createProposal(propose(input), { idempotencyKey: keyOf(toolCallId) })
  }

  const notApplied = (outcome: Exclude<DecisionOutcome, { status: "approved" }>): NotApplied => ({
    applied: false,
    status: outcome.status,
    proposalId: outcome.proposal.id,
    message:
      outcome.status === "rejected"
        ? describeRejection(outcome)
        : outcome.status === "timeout"
          ? "No decision yet; the change was not applied."
          : `Not applied: the proposal is ${outcome.status}.`
  })

  return {
    tool<INPUT, OUTPUT>(name: string, base: Tool<INPUT, OUTPUT>, options: SignoffToolOptions<INPUT>): Tool<INPUT, OUTPUT | NotApplied> {
      const execute = base.execute
      if (!execute) throw new Error(`signoff: tool ${name} has no execute; there is nothing to run once approved`)
      proposers.set(name, (input) => options.propose(input as INPUT))
      const wrapped = {
        ...base,
        execute: async (input: INPUT, callOptions: ToolExecutionOptions): Promise<OUTPUT | NotApplied> => {
          const { id } = await proposalFor(name, input, callOptions.toolCallId)
          const outcome = await client.waitForDecision(id, { ...waitOptions, signal: callOptions.abortSignal })
          if (outcome.status !== "approved") return notApplied(outcome)
          let output: OUTPUT
          try {
            output = (await execute(options.toInput(outcome.change, input), callOptions)) as OUTPUT
          } catch (error) {
            await client.reportExecution(id, { outcome: "failed", contentHash: outcome.contentHash, detail: String(error).slice(0, 5_000) })
            throw error
          }
          await client.reportExecution(id, { outcome: "executed", contentHash: outcome.contentHash })
          return output
        }
      }
      if (options.waitInTool) return { ...wrapped, needsApproval: false } as Tool<INPUT, OUTPUT | NotApplied>
      return {
        ...wrapped,
        // Pending for a person → the AI SDK pauses for approval; already approved by the workflow's policy → it runs.
        needsApproval: async (input: INPUT, { toolCallId }: { toolCallId: string }) => (await proposalFor(name, input, toolCallId)).status === "pending"
      } as Tool<INPUT, OUTPUT | NotApplied>
    },

    /**
     * Waits for Signoff's decision on each approval request of a generateText / streamText result
     * and returns the `tool-approval-response` parts to append as a `tool` message before calling
     * the model again. A rejection's reason goes back to the model; a timeout or an expiry denies.
     */
    async respond(content: ReadonlyArray<{ type: string }>): Promise<ToolApprovalResponse[]> {
      const requests = content.filter((part): part is ApprovalRequestPart => part.type === "tool-approval-request")
      return Promise.all(
        requests.map(async ({ approvalId, toolCall }) => {
          const { id } = await proposalFor(toolCall.toolName, toolCall.input, toolCall.toolCallId)
          const outcome = await client.waitForDecision(id, waitOptions)
          if (outcome.status === "approved") return { type: "tool-approval-response" as const, approvalId, approved: true }
          return { type: "tool-approval-response" as const, approvalId, approved: false, reason: notApplied(outcome).message }
        })
      )
    }
  }
}
