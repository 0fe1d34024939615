import { type ModelMessage, generateText, stepCountIs, tool } from "ai"
import { MockLanguageModelV3 } from "ai/test"
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { z } from "zod"
import { signoffPolicy } from "~sdk/src/adapters/ai-sdk"
import { SignoffClient, canonicalHash } from "~sdk/src"
import type { Change, ProposalCreate } from "~src/domain"
import { reviewerDecidesWhenProposed } from "~tests/support/reviewer"
import { proposalBody } from "~tests/support/proposals"
import { type ServerWithCast, startServerWithCast } from "../server/fixtures"

let cast: ServerWithCast
let client: SignoffClient
beforeAll(async () => {
  cast = await startServerWithCast()
  client = new SignoffClient({ url: cast.server.url, token: cast.agent })
  await cast.api.put("/v1/workflows/subjects-monitored", cast.admin, { name: "Monitored subjects", model: "monitor" })
})
afterAll(() => cast.server.close())

type Input = { emailId: string; subject: string }
const OLD_SUBJECT = "Our November newsletter: all the product news"

/** The email tool an agent would really have, writing to the "platform" (here, an array). */
function emailTool(applied: Input[]) {
  return tool({
    description: "Set an email's subject line",
    inputSchema: z.object({ emailId: z.string(), subject: z.string() }),
    execute: async (input: Input) => {
      applied.push(input)
      return { ok: true, subject: input.subject }
    }
  })
}

const propose =
  (workflowId = "email-copy") =>
  (input: Input): ProposalCreate =>
    proposalBody({
      workflowId,
      target: { platform: "hubspot", kind: "email", id: input.emailId, url: `https://app.hubspot.com/email/1/edit/${input.emailId}` },
      title: `Subject for email ${input.emailId}`,
      change: { kind: "content", field: "subject", format: "text", before: OLD_SUBJECT, after: input.subject }
    })
const toInput = (change: Change, input: Input): Input => (change.kind === "content" ? { ...input, subject: change.after } : input)

const usage = { inputTokens: { total: 10, noCache: 10, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 5, text: 5, reasoning: 0 } }
const callsTool = (toolCallId: string, input: Input) => ({
  content: [{ type: "tool-call" as const, toolCallId, toolName: "set_subject", input: JSON.stringify(input) }],
  finishReason: { unified: "tool-calls" as const, raw: "tool_calls" },
  usage,
  warnings: []
})
const says = (text: string) => ({ content: [{ type: "text" as const, text }], finishReason: { unified: "stop" as const, raw: "stop" }, usage, warnings: [] })

async function pendingProposalOf(emailId: string): Promise<{ id: string; version: number }> {
  const { items } = await client.listProposals({ status: "pending", targetId: emailId })
  expect(items).toHaveLength(1)
  return { id: items[0]!.id, version: items[0]!.version }
}

const promptText = (model: MockLanguageModelV3) => JSON.stringify(model.doGenerateCalls.at(-1)!.prompt)

describe("Vercel AI SDK: needsApproval answered by Signoff", () => {
  it("pauses for approval, then runs the reviewer's edited input and reports the execution with its hash", async () => {
    const applied: Input[] = []
    const signoff = signoffPolicy({ client })
    const tools = { set_subject: signoff.tool("set_subject", emailTool(applied), { propose: propose(), toInput }) }
    const model = new MockLanguageModelV3({ doGenerate: [callsTool("call-edit-1", { emailId: "501", subject: "NOVEMBER NEWS!!!" }), says("Subject updated.")] })
    const messages: ModelMessage[] = [{ role: "user", content: "Make the November subject punchier" }]

    const first = await generateText({ model, tools, messages })
    expect(first.content.filter((p) => p.type === "tool-approval-request")).toHaveLength(1)
    expect(applied).toEqual([])

    const { id, version } = await pendingProposalOf("501")
    const decided = await cast.api.decide(cast.ana, id, { action: "edit", edits: { after: "November: what's new" }, proposalVersion: version })
    const responses = await signoff.respond(first.content)
    expect(responses).toEqual([expect.objectContaining({ type: "tool-approval-response", approved: true })])

    messages.push(...first.response.messages, { role: "tool", content: responses })
    const second = await generateText({ model, tools, messages })
    expect(second.text).toBe("Subject updated.")
    expect(applied).toEqual([{ emailId: "501", subject: "November: what's new" }])
    const final = (await cast.api.get(`/v1/proposals/${id}`, cast.ana)).body
    expect(final.status).toBe("executed")
    expect(decided.body.proposal.contentHash).toBe(
      canonicalHash({ kind: "content", field: "subject", format: "text", before: OLD_SUBJECT, after: "November: what's new" })
    )
  })

  it("denies a rejected call with the reviewer's reason, which the model then reads, and runs nothing", async () => {
    const applied: Input[] = []
    const signoff = signoffPolicy({ client })
    const tools = { set_subject: signoff.tool("set_subject", emailTool(applied), { propose: propose(), toInput }) }
    const model = new MockLanguageModelV3({ doGenerate: [callsTool("call-reject-1", { emailId: "502", subject: "FREE!!!" }), says("Understood.")] })
    const messages: ModelMessage[] = [{ role: "user", content: "Rewrite the subject" }]
    const first = await generateText({ model, tools, messages })
    const { id, version } = await pendingProposalOf("502")
    await cast.api.decide(cast.ana, id, { action: "reject", reason: { code: "compliance", text: "No 'free' in subjects" }, proposalVersion: version })

    const responses = await signoff.respond(first.content)
    expect(responses).toEqual([expect.objectContaining({ approved: false, reason: expect.stringContaining("No 'free' in subjects") })])
    messages.push(...first.response.messages, { role: "tool", content: responses })
    await generateText({ model, tools, messages })
    expect(applied).toEqual([])
    expect(promptText(model)).toContain("No 'free' in subjects")
  })

  it("does not pause when the workflow's policy already approved it (monitor), and still reports the execution", async () => {
    const applied: Input[] = []
    const signoff = signoffPolicy({ client })
    const tools = { set_subject: signoff.tool("set_subject", emailTool(applied), { propose: propose("subjects-monitored"), toInput }) }
    const model = new MockLanguageModelV3({ doGenerate: [callsTool("call-auto-1", { emailId: "503", subject: "November: in short" }), says("Done.")] })
    const result = await generateText({ model, tools, prompt: "Shorten the subject", stopWhen: stepCountIs(2) })
    expect(result.text).toBe("Done.")
    expect(applied).toEqual([{ emailId: "503", subject: "November: in short" }])
    const { items } = await client.listProposals({ targetId: "503" })
    expect(items.map((p) => p.status)).toEqual(["executed"])
  })
})

describe("Vercel AI SDK: waiting inside the tool", () => {
  it("returns a rejection to the model as the tool's result, with the reason, and applies nothing", async () => {
    const applied: Input[] = []
    const signoff = signoffPolicy({ client })
    const tools = { set_subject: signoff.tool("set_subject", emailTool(applied), { propose: propose(), toInput, waitInTool: true }) }
    const model = new MockLanguageModelV3({ doGenerate: [callsTool("call-wait-1", { emailId: "504", subject: "Act now" }), says("I will try another angle.")] })
    const reviewer = reviewerDecidesWhenProposed(cast, client, "504", { action: "reject", reason: { code: "off_brand", text: "Too pushy" } })
    const result = await generateText({ model, tools, prompt: "New subject", stopWhen: stepCountIs(2) })
    await reviewer
    expect(result.text).toBe("I will try another angle.")
    expect(applied).toEqual([])
    expect(result.steps[0]!.toolResults[0]!.output).toMatchObject({ applied: false, status: "rejected", message: "Rejected by Ana (off brand): Too pushy" })
    expect(promptText(model)).toContain("Too pushy")
  })
})
