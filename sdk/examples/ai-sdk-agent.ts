/**
 * Vercel AI SDK (v6) + Signoff. `SIGNOFF_URL=… SIGNOFF_TOKEN=<agent token> npx tsx sdk/examples/ai-sdk-agent.ts`
 * against `npm run demo`'s server. The model is scripted (ai/test) so this runs without an API
 * key; use your provider's model instead (e.g. openai("gpt-4.1")) and nothing else changes.
 */
import { type ModelMessage, generateText, tool } from "ai"
import { MockLanguageModelV3 } from "ai/test"
import { z } from "zod"
import { signoffPolicy } from "../src/adapters/ai-sdk"
import { SignoffClient } from "../src"
import { type SubjectInput, proposeSubject, say, subjectFrom } from "./shared"

const signoff = signoffPolicy({ client: SignoffClient.fromEnv() })
const setSubject = tool({
  description: "Set an email's subject line in HubSpot",
  inputSchema: z.object({ emailId: z.string(), subject: z.string() }),
  execute: async (input: SubjectInput) => {
    say(`(writing to HubSpot) email ${input.emailId} subject := ${input.subject}`)
    return { ok: true }
  }
})
const tools = { set_subject: signoff.tool("set_subject", setSubject, { propose: (input) => proposeSubject(input, "ai-sdk-example"), toInput: subjectFrom }) }

const usage = { inputTokens: { total: 1, noCache: 1, cacheRead: 0, cacheWrite: 0 }, outputTokens: { total: 1, text: 1, reasoning: 0 } }
const model = new MockLanguageModelV3({
  doGenerate: [
    {
      content: [
        {
          type: "tool-call",
          toolCallId: `call-${Date.now()}`,
          toolName: "set_subject",
          input: JSON.stringify({ emailId: "1100", subject: "Spring is here: 3 things to ship this week" })
        }
      ],
      finishReason: { unified: "tool-calls", raw: undefined },
      usage,
      warnings: []
    },
    { content: [{ type: "text", text: "Done: the subject is handled." }], finishReason: { unified: "stop", raw: undefined }, usage, warnings: [] }
  ]
})

const messages: ModelMessage[] = [{ role: "user", content: "Give the spring launch email a stronger subject line." }]
const first = await generateText({ model, tools, messages })
say("The model asked to set the subject; Signoff holds it for a person. Review it in the demo browser (email 1100).")
const responses = await signoff.respond(first.content)
say(`Decision: ${responses.map((r) => (r.approved ? "approved" : `denied (${r.reason})`)).join(", ")}`)
messages.push(...first.response.messages, { role: "tool", content: responses })
const second = await generateText({ model, tools, messages })
say(`Model: ${second.text}`)
