import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { ApiError, NetworkError, type ApiClient } from "~src/api"
import { SignoffDatabase, toCachedProposal } from "~src/db"
import { MAX_SERVER_ERROR_ATTEMPTS, pushOutbox } from "~src/sync"
import { queueDecision, TEST_ACCOUNT } from "~tests/support/outbox"
import { makeProposal } from "./fixtures"

let db: SignoffDatabase
const now = Date.parse("2026-11-25T10:00:00.000Z")
const options = { account: TEST_ACCOUNT, now: () => now, random: () => 0, ignoreBackoff: false, backoff: { baseMs: 1_000, maxMs: 60_000 } }

beforeEach(async () => {
  db = new SignoffDatabase(`push-${crypto.randomUUID()}`)
  await db.proposals.bulkPut([toCachedProposal(makeProposal({ id: "P1" })), toCachedProposal(makeProposal({ id: "P2" }))])
  await queueDecision(db, { proposalId: "P1", action: "approve", proposalVersion: 1 }, { now })
  await queueDecision(db, { proposalId: "P2", action: "approve", proposalVersion: 1 }, { now })
})
afterEach(async () => {
  await db.delete()
})

/** The server's answer to each decision, in order. */
function failingWith(...errors: Error[]): Pick<ApiClient, "decide"> & { calls: string[] } {
  const calls: string[] = []
  return {
    calls,
    decide: async (proposalId) => {
      calls.push(proposalId)
      throw errors[Math.min(calls.length - 1, errors.length - 1)]
    }
  }
}

describe("pushOutbox", () => {
  it("stops at a network failure, keeping order, and schedules the retry with backoff", async () => {
    const api = failingWith(new NetworkError("unreachable", "Cannot reach"))
    const result = await pushOutbox(db, api, options)
    expect(result.stoppedBy).toBeInstanceOf(NetworkError)
    expect(api.calls).toEqual(["P1"])
    const [head, second] = await db.outbox.orderBy("id").toArray()
    expect(head).toMatchObject({ state: "pending", attempts: 1, nextAttemptAt: now + 500, lastError: "Cannot reach" })
    expect(second).toMatchObject({ state: "pending", attempts: 0 })
  })

  it("waits for the head's backoff before sending anything", async () => {
    await db.outbox.toCollection().modify({ nextAttemptAt: now + 10_000 })
    const api = failingWith(new Error("must not be called"))
    await pushOutbox(db, api, options)
    expect(api.calls).toEqual([])
  })

  it("keeps a decision pending when the token is refused, since the token and not the decision is wrong", async () => {
    await pushOutbox(db, failingWith(new ApiError(401, "unauthorized", "bad token")), options)
    expect((await db.outbox.get(1))?.state).toBe("pending")
  })

  it("marks a validation refusal as failed with the reason, and goes on with the next decision", async () => {
    const api = failingWith(new ApiError(422, "unprocessable", "edits do not fit the change"), new NetworkError("offline", "offline"))
    const result = await pushOutbox(db, api, options)
    expect(result.failed).toBe(1)
    expect(api.calls).toEqual(["P1", "P2"])
    expect((await db.proposals.get("P1"))?.local).toEqual({
      failure: { message: "edits do not fit the change (422 unprocessable)", at: new Date(now).toISOString() }
    })
  })

  it("gives up on a decision the server keeps failing with 5xx after a bounded number of attempts", async () => {
    await db.outbox.update(1, { attempts: MAX_SERVER_ERROR_ATTEMPTS - 1 })
    const result = await pushOutbox(db, failingWith(new ApiError(500, "internal", "boom"), new NetworkError("offline", "x")), options)
    expect(result.failed).toBe(1)
    expect((await db.outbox.get(1))?.state).toBe("failed")
  })

  it("marks a 409 without a proposal in the body as conflicted with the server's message", async () => {
    const result = await pushOutbox(db, failingWith(new ApiError(409, "conflict", "already decided"), new NetworkError("offline", "x")), options)
    expect(result.conflicted).toBe(1)
    expect((await db.proposals.get("P1"))?.local?.conflict?.message).toBe("already decided")
  })
})
