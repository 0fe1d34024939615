import type { RunContext, RunState, RunToolApprovalItem } from "@openai/agents"
import type { Change, ProposalCreate } from "~src/domain"
import type { SignoffClient } from "../client"
import { type DecisionOutcome, describeRejection } from "../decision"

/**
 * Signoff for the OpenAI Agents SDK. Tools declared with `needsApproval` interrupt the run;
 * `resolveInterruptions(result, ...)` turns each interruption into one Signoff proposal (keyed by
 * the tool call's id, so a resumed process finds the same proposal), waits for the person, and
 * calls `state.approve(item)` or `state.reject(item, {message: <the reviewer's reason>})`. Then
 * `run(agent, result.state)` continues. The Agents SDK cannot change a call's arguments on
 * approval, so a reviewer's edit is applied inside the tool: wrap its `execute` with
 * `executeApproved`, which runs the approved change and reports the execution.
 */
export interface SignoffAgentsOptions {
  client: SignoffClient
  /** The proposal for one tool call. Deterministic: it is sent again, same key, by executeApproved and on resume. */
  propose: (toolName: string, input: unknown) => ProposalCreate
  /** Namespace of the idempotency keys (the call id completes them). Default "openai-agents". */
  keyPrefix?: string
  waitTimeoutMs?: number
}

export interface ResolvedInterruption {
  callId: string
  toolName: string
  proposalId: string
  outcome: DecisionOutcome
}

interface Interrupted {
  interruptions: RunToolApprovalItem[]
  // Any agent's run: the adapter reads only its interruptions and approves or rejects them.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  state: RunState<any, any>
}

const keyOf = (prefix: string | undefined, callId: string) => `${prefix ?? "openai-agents"}:${callId}`

function callOf(item: RunToolApprovalItem): { callId: string; toolName: string; input: unknown } {
  const raw = item.rawItem as { callId?: string; id?: string }
  const callId = raw.callId ?? raw.id
  if (!callId) throw new Error("signoff: an interruption without a call id cannot be keyed")
  return { callId, toolName: item.name ?? "unknown", input: item.arguments ? JSON.parse(item.arguments) : {} }
}

/** One proposal per interruption; approve or reject each on the run state as the person decided. */
export async function resolveInterruptions(result: Interrupted, options: SignoffAgentsOptions): Promise<ResolvedInterruption[]> {
  const { client, propose, keyPrefix, waitTimeoutMs } = options
  return Promise.all(
    result.interruptions.map(async (item) => {
      const { callId, toolName, input } = callOf(item)
      const { id } = await client.createProposal(propose(toolName, input), { idempotencyKey: keyOf(keyPrefix, callId) })
      const outcome = await client.waitForDecision(id, waitTimeoutMs === undefined ? {} : { timeoutMs: waitTimeoutMs })
      if (outcome.status === "approved") result.state.approve(item)
      else result.state.reject(item, { message: messageFor(outcome) })
      return { callId, toolName, proposalId: id, outcome }
    })
  )
}

function messageFor(outcome: Exclude<DecisionOutcome, { status: "approved" }>): string {
  if (outcome.status === "rejected") return `${describeRejection(outcome)}. The change was not applied.`
  if (outcome.status === "timeout") return "No decision yet; the change was not applied."
  return `The change was not applied: its proposal is ${outcome.status}.`
}

type ToolCallDetails = { toolCall?: { callId?: string } }

/**
 * Wraps a tool's `execute`: finds the call's proposal (by call id), runs the approved change —
 * the reviewer's edit mapped back to arguments by `toInput` — and reports executed or failed with
 * the approved content hash. A call that was not approved does not run.
 */
export function executeApproved<INPUT, OUTPUT>(
  toolName: string,
  options: SignoffAgentsOptions & { toInput: (change: Change, input: INPUT) => INPUT },
  execute: (input: INPUT) => Promise<OUTPUT> | OUTPUT
  // The tool's run context is the caller's; the wrapper does not read it.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
): (input: INPUT, context?: RunContext<any>, details?: ToolCallDetails) => Promise<OUTPUT | string> {
  const { client, propose, keyPrefix, toInput } = options
  return async (input, _context, details) => {
    const callId = details?.toolCall?.callId
    if (!callId) throw new Error(`signoff: ${toolName} was called without a call id`)
    const { id } = await client.createProposal(propose(toolName, input), { idempotencyKey: keyOf(keyPrefix, callId) })
    const outcome = await client.waitForDecision(id, { timeoutMs: 0 })
    if (outcome.status !== "approved") return messageFor(outcome)
    let output: OUTPUT
    try {
      output = await execute(toInput(outcome.change, input))
    } catch (error) {
      await client.reportExecution(id, { outcome: "failed", contentHash: outcome.contentHash, detail: String(error).slice(0, 5_000) })
      throw error
    }
    await client.reportExecution(id, { outcome: "executed", contentHash: outcome.contentHash })
    return output
  }
}
