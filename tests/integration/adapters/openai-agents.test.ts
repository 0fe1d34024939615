import { Agent, type Model, type ModelRequest, type ModelResponse, Usage, run, setTracingDisabled, tool } from "@openai/agents"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { z } from "zod"
import { executeApproved, resolveInterruptions } from "~sdk/src/adapters/openai-agents"
import { SignoffClient } from "~sdk/src"
import type { Change, ProposalCreate } from "~src/domain"
import { reviewerDecidesWhenProposed } from "~tests/support/reviewer"
import { proposalBody } from "~tests/support/proposals"
import { type ServerWithCast, startServerWithCast } from "../server/fixtures"

// No trace export: the test must not reach the network.
setTracingDisabled(true)

let cast: ServerWithCast
let client: SignoffClient
beforeAll(async () => {
  cast = await startServerWithCast()
  client = new SignoffClient({ url: cast.server.url, token: cast.agent })
})
afterAll(() => cast.server.close())

/** The Agents SDK's own model interface, answering from a script: the test needs no LLM. */
class ScriptedModel implements Model {
  readonly requests: ModelRequest[] = []
  constructor(private readonly script: ModelResponse["output"][]) {}
  async getResponse(request: ModelRequest): Promise<ModelResponse> {
    this.requests.push(request)
    const output = this.script.shift()
    if (!output) throw new Error("the script ran out")
    return { output, usage: new Usage() }
  }
  // eslint-disable-next-line require-yield -- never streamed: fails when iterated, as a broken stream would
  async *getStreamedResponse(): AsyncIterable<never> {
    throw new Error("not streamed")
  }
}

type Input = { emailId: string; subject: string }
const callsTool = (callId: string, input: Input): ModelResponse["output"] => [
  { type: "function_call", callId, name: "set_subject", arguments: JSON.stringify(input), status: "completed" }
]
const says = (text: string): ModelResponse["output"] => [{ type: "message", role: "assistant", status: "completed", content: [{ type: "output_text", text }] }]

const propose = (_toolName: string, raw: unknown): ProposalCreate => {
  const input = raw as Input
  return proposalBody({
    target: { platform: "hubspot", kind: "email", id: input.emailId },
    title: `Subject for email ${input.emailId}`,
    change: { kind: "content", field: "subject", format: "text", before: "Old subject", after: input.subject }
  })
}
const toInput = (change: Change, input: Input): Input => (change.kind === "content" ? { ...input, subject: change.after } : input)

function copywriter(model: Model, applied: Input[]) {
  const options = { client, propose, toInput }
  return new Agent({
    name: "copywriter",
    instructions: "You improve email subjects.",
    model,
    tools: [
      tool({
        name: "set_subject",
        description: "Set an email's subject line",
        parameters: z.object({ emailId: z.string(), subject: z.string() }),
        needsApproval: true,
        execute: executeApproved("set_subject", options, (input: Input) => {
          applied.push(input)
          return `subject set to ${input.subject}`
        })
      })
    ]
  })
}

const decideWhenProposed = (emailId: string, decision: Record<string, unknown>) => reviewerDecidesWhenProposed(cast, client, emailId, decision)

describe("OpenAI Agents SDK: interruptions decided in Signoff", () => {
  it("makes one proposal per interruption (keyed by call id), approves it, and runs the reviewer's edit", async () => {
    const applied: Input[] = []
    const model = new ScriptedModel([callsTool("call_edit_1", { emailId: "601", subject: "BIG NEWS" }), says("Done.")])
    const agent = copywriter(model, applied)
    const first = await run(agent, "Make the subject punchier")
    expect(first.interruptions).toHaveLength(1)
    expect(applied).toEqual([])

    const [resolved] = await Promise.all([
      resolveInterruptions(first, { client, propose }),
      decideWhenProposed("601", { action: "edit", edits: { after: "November: what's new" } })
    ])
    expect(resolved).toEqual([
      expect.objectContaining({ callId: "call_edit_1", toolName: "set_subject", outcome: expect.objectContaining({ status: "approved", edited: true }) })
    ])

    const second = await run(agent, first.state)
    expect(second.finalOutput).toBe("Done.")
    expect(applied).toEqual([{ emailId: "601", subject: "November: what's new" }])
    expect((await client.getProposal(resolved[0]!.proposalId)).status).toBe("executed")
    // Resolving again (a resumed process) finds the same proposal, not a new one.
    expect((await client.listProposals({ targetId: "601" })).items).toHaveLength(1)
  })

  it("rejects with the reviewer's reason as the message the model reads, and runs nothing", async () => {
    const applied: Input[] = []
    const model = new ScriptedModel([callsTool("call_reject_1", { emailId: "602", subject: "FREE gift" }), says("I will not use that.")])
    const agent = copywriter(model, applied)
    const first = await run(agent, "Rewrite the subject")
    await Promise.all([
      resolveInterruptions(first, { client, propose }),
      decideWhenProposed("602", { action: "reject", reason: { code: "compliance", text: "No 'free' in subjects" } })
    ])
    const second = await run(agent, first.state)
    expect(second.finalOutput).toBe("I will not use that.")
    expect(applied).toEqual([])
    expect(JSON.stringify(model.requests.at(-1)!.input)).toContain("No 'free' in subjects")
  })
})
