import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readSettings, saveSettings, SignoffDatabase, toCachedProposal } from "~src/db"
import { dismissRefusedDecisions, UnknownProposalError } from "~src/sync"
import { queueDecision, TEST_ACCOUNT } from "~tests/support/outbox"
import { localStateByProposal } from "~src/sync/local-state"
import { makeProposal } from "~tests/support/proposals"

let db: SignoffDatabase
beforeEach(() => {
  db = new SignoffDatabase(`outbox-${crypto.randomUUID()}`)
})
afterEach(async () => {
  await db.delete()
})

const now = Date.parse("2026-11-25T10:00:00.000Z")

describe("enqueueDecision", () => {
  it("queues the API body with a fresh idempotency key and marks the cached proposal optimistically", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" })))
    const proposal = await queueDecision(db, { proposalId: "P1", action: "approve", proposalVersion: 1, reviewMs: 4_000 }, { now, newKey: () => "key-1" })

    expect(proposal.local).toEqual({ pendingAction: "approve" })
    expect(await db.outbox.toArray()).toEqual([
      expect.objectContaining({
        idempotencyKey: "key-1",
        proposalId: "P1",
        body: { action: "approve", proposalVersion: 1, reviewMs: 4_000 },
        state: "pending",
        attempts: 0,
        nextAttemptAt: now
      })
    ])
  })

  it("refuses a proposal that is not in the cache", async () => {
    await expect(queueDecision(db, { proposalId: "nope", action: "approve", proposalVersion: 1 }, { now })).rejects.toBeInstanceOf(UnknownProposalError)
    expect(await db.outbox.count()).toBe(0)
  })

  it("supersedes a refused decision on the same proposal", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" })))
    await db.outbox.add({
      idempotencyKey: "old",
      proposalId: "P1",
      body: { action: "approve", proposalVersion: 1 },
      state: "conflicted",
      attempts: 1,
      nextAttemptAt: now,
      lastError: "Ana approved this 2 min ago",
      createdAt: "2026-11-25T09:00:00.000Z",
      updatedAt: "2026-11-25T09:01:00.000Z"
    })
    await queueDecision(db, { proposalId: "P1", action: "revert", proposalVersion: 2 }, { now, newKey: () => "new" })
    expect((await db.outbox.toArray()).map((e) => e.idempotencyKey)).toEqual(["new"])
  })

  it("forgets a refused decision once the user dismissed the notice", async () => {
    await db.proposals.put(toCachedProposal(makeProposal({ id: "P1" }), { conflict: { message: "Ana approved this", at: "x" } }))
    await db.outbox.add({
      idempotencyKey: "old",
      proposalId: "P1",
      body: { action: "approve", proposalVersion: 1 },
      state: "conflicted",
      attempts: 1,
      nextAttemptAt: now,
      lastError: "Ana approved this",
      createdAt: "x",
      updatedAt: "x"
    })
    const proposal = await dismissRefusedDecisions(db, "P1", TEST_ACCOUNT)
    expect(proposal?.local).toBeUndefined()
    expect(await db.outbox.count()).toBe(0)
  })
})

describe("localStateByProposal", () => {
  it("derives the pending action, conflicts and failures from the outbox", () => {
    const base = { body: { action: "approve" as const, proposalVersion: 1 }, attempts: 0, nextAttemptAt: 0, createdAt: "t", updatedAt: "t2" }
    const local = localStateByProposal([
      { ...base, id: 1, idempotencyKey: "a", proposalId: "A", state: "pending", lastError: null },
      { ...base, id: 2, idempotencyKey: "b", proposalId: "B", state: "conflicted", lastError: "Bo rejected this 1 min ago" },
      { ...base, id: 3, idempotencyKey: "c", proposalId: "C", state: "failed", lastError: "not found (404 not_found)" }
    ])
    expect(local.get("A")).toEqual({ pendingAction: "approve" })
    expect(local.get("B")).toEqual({ conflict: { message: "Bo rejected this 1 min ago", at: "t2" } })
    expect(local.get("C")).toEqual({ failure: { message: "not found (404 not_found)", at: "t2" } })
  })
})

describe("settings", () => {
  it("starts unconfigured with notifications off", async () => {
    expect(await readSettings(db)).toEqual({
      serverUrl: "http://127.0.0.1:8787",
      token: null,
      notifications: false,
      reminderNotifications: false,
      syncIntervalMinutes: 5
    })
  })

  it("reports an account change when the server or token changes, not when only preferences do", async () => {
    expect((await saveSettings(db, { serverUrl: "http://a.test/", token: "t1" })).accountChanged).toBe(true)
    expect((await saveSettings(db, { serverUrl: "http://a.test", notifications: true })).accountChanged).toBe(false)
    expect((await saveSettings(db, { serverUrl: "http://a.test", token: "t2" })).accountChanged).toBe(true)
  })

  it("drops the stored token when the server moves to another origin without a new one", async () => {
    await saveSettings(db, { serverUrl: "https://signoff.acme.example", token: "secret" })
    expect((await saveSettings(db, { serverUrl: "https://signoff.acme.example/" })).settings.token).toBe("secret")
    const moved = await saveSettings(db, { serverUrl: "https://new-host.example" })
    expect(moved.settings.token).toBeNull()
    expect(moved.accountChanged).toBe(true)
    expect((await saveSettings(db, { serverUrl: "https://new-host.example", token: "again" })).settings.token).toBe("again")
  })

  it("never stores a sync interval shorter than chrome.alarms allows", async () => {
    const { settings } = await saveSettings(db, { serverUrl: "http://a.test", syncIntervalMinutes: 0.1 })
    expect(settings.syncIntervalMinutes).toBe(0.5)
  })
})
