import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { SignoffDatabase, toCachedProposal } from "~src/db"
import { checkPanelAnswer, InvalidAnswerError, PanelResponses } from "~src/messaging/panel-contract"
import { CONTENT_SCRIPT_MESSAGES } from "~src/messaging/sender-policy"
import { createHandlerUnderTest, type HandlerUnderTest } from "~tests/support/message-handler"
import * as samples from "../ui/changes/sample-changes"
import { makeProposal } from "../sync/fixtures"

const hubspotTab = { id: "signoffid", url: "https://app.hubspot.com/contacts/1/record/0-1/101", tab: { id: 7 } }
const contact101 = { platform: "hubspot", kind: "contact", id: "101" } as const

let db: SignoffDatabase
let handle: HandlerUnderTest["handle"]
let dispose: () => Promise<void>

beforeEach(() => {
  // No network: the handler answers from its cache, which is what the panel contract is about.
  ;({ db, handle, dispose } = createHandlerUnderTest({ fetch: async () => Promise.reject(new TypeError("fetch failed")) }))
})

afterEach(() => dispose())

async function answer(message: Parameters<typeof handle>[0]) {
  const reply = await handle(message, hubspotTab)
  if (!reply.ok) throw new Error(`${reply.error.code}: ${reply.error.message}`)
  return reply.data
}

describe("the panel's light check of the background's answers", () => {
  it("covers exactly the messages a content script may send", () => {
    expect(new Set(Object.keys(PanelResponses))).toEqual(CONTENT_SCRIPT_MESSAGES)
  })

  it("accepts what the real handler answers for every change kind, unchanged", async () => {
    const changes = Object.values(samples)
    expect(new Set(changes.map((c) => c.kind)).size).toBe(7)
    await db.proposals.bulkPut(
      changes.map((change, i) => toCachedProposal(makeProposal({ id: `P${i}`, target: { ...contact101 }, change })))
    )
    const data = await answer({ type: "proposals.forEntity", entity: contact101 })
    expect(checkPanelAnswer("proposals.forEntity", data)).toBe(data)
    expect((data as { proposals: unknown[] }).proposals).toHaveLength(changes.length)
  })

  it("accepts the handler's answers to a decision, a dismissal, a focus request and the sync status", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1", target: { ...contact101 } })))
    const submitted = await answer({ type: "decision.submit", decision: { proposalId: "P1", action: "approve", proposalVersion: 1 } })
    expect(() => checkPanelAnswer("decision.submit", submitted)).not.toThrow()
    expect(() => checkPanelAnswer("decision.dismiss", { proposal: null })).not.toThrow()
    expect(() => checkPanelAnswer("panel.focusRequest", { proposalId: null })).not.toThrow()
    const status = await answer({ type: "sync.status" })
    expect(() => checkPanelAnswer("sync.status", status)).not.toThrow()
  })

  it("refuses a proposal whose change kind the panel has no view for, naming where", () => {
    const proposal = { ...makeProposal({ id: "P1" }), change: { kind: "teleport" } }
    expect(() => checkPanelAnswer("decision.submit", { proposal })).toThrow(/proposal\.change\.kind: expected one of content\|/)
  })

  it("refuses an answer missing what the panel indexes by", () => {
    const { version: _version, ...proposal } = makeProposal({ id: "P1" })
    const error = (() => {
      try {
        checkPanelAnswer("decision.submit", { proposal })
      } catch (e) {
        return e
      }
    })()
    expect(error).toBeInstanceOf(InvalidAnswerError)
    expect((error as InvalidAnswerError).issues).toEqual(["proposal.version: expected number, got undefined"])
  })

  it("refuses a sync status that is not one", () => {
    expect(() => checkPanelAnswer("sync.status", { configured: "yes" })).toThrow(InvalidAnswerError)
    expect(() => checkPanelAnswer("proposals.forEntity", null)).toThrow(/answer: expected object, got null/)
  })
})
