import { afterEach, beforeEach, describe, expect, it } from "vitest"
import { readMeta, SignoffDatabase, toCachedProposal } from "~src/db"
import type { Me } from "~src/domain"
import { claimReminders, planReminders, reminderNotifications } from "~src/sync"
import { makeProposal } from "~tests/support/proposals"

const ana: Me = { name: "Ana", role: "reviewer", principalId: "P-ANA" }
const now = Date.parse("2026-11-25T12:00:00.000Z")
const at = (minutesFromNow: number) => new Date(now + minutesFromNow * 60_000).toISOString()
const cached = (overrides: Parameters<typeof makeProposal>[0]) => toCachedProposal(makeProposal(overrides))

describe("planReminders", () => {
  it("reminds of a waiting proposal once its remindAt has passed and it has not expired", () => {
    const due = cached({ id: "DUE", remindAt: at(-5), expiresAt: at(60) })
    expect(planReminders([due], ana, now).due.map((p) => p.id)).toEqual(["DUE"])
  })

  it("does not remind of an expired proposal, of one without a deadline, or of one still ahead of its reminder", () => {
    const plan = planReminders(
      [cached({ id: "EXPIRED", remindAt: at(-60), expiresAt: at(-1) }), cached({ id: "NONE" }), cached({ id: "AHEAD", remindAt: at(30), expiresAt: at(90) })],
      ana,
      now
    )
    expect(plan.due).toEqual([])
  })

  it("schedules the next look at the earliest reminder still ahead", () => {
    const plan = planReminders(
      [cached({ remindAt: at(45), expiresAt: at(90) }), cached({ remindAt: at(10), expiresAt: at(20) }), cached({ remindAt: at(-10), expiresAt: at(5) })],
      ana,
      now
    )
    expect(plan.nextAt).toBe(now + 10 * 60_000)
  })

  it("has nothing to schedule when no reminder is ahead", () => {
    expect(planReminders([cached({ remindAt: at(-10), expiresAt: at(5) })], ana, now).nextAt).toBeNull()
  })

  it("leaves out what does not wait for this reviewer: decided, already approved by them, or with a decision queued", () => {
    const plan = planReminders(
      [
        cached({ id: "DECIDED", status: "approved", remindAt: at(-5), expiresAt: at(60) }),
        cached({ id: "MINE", quorum: 2, approvedBy: ["P-ANA"], remindAt: at(-5), expiresAt: at(60) }),
        { ...cached({ id: "QUEUED", remindAt: at(-5), expiresAt: at(60) }), local: { pendingAction: "approve" as const } },
        cached({ id: "MINE-LATER", quorum: 2, approvedBy: ["P-ANA"], remindAt: at(5), expiresAt: at(60) })
      ],
      ana,
      now
    )
    expect(plan).toEqual({ due: [], nextAt: null })
  })
})

describe("reminderNotifications", () => {
  it("says what to review and how long is left, with the proposal id so a click opens it", () => {
    const p = makeProposal({ id: "P1", title: "Shorter subject line", remindAt: at(-5), expiresAt: at(185) })
    expect(reminderNotifications([p], now)).toEqual([
      { id: "P1", title: "Review soon: Shorter subject line", message: `Expires in 3 h · copy-bot · hubspot email ${p.target.id}` }
    ])
  })

  it("summarises beyond three at once instead of stacking notifications", () => {
    const many = Array.from({ length: 5 }, () => makeProposal({ remindAt: at(-5), expiresAt: at(30) }))
    const shown = reminderNotifications(many, now)
    expect(shown).toHaveLength(4)
    expect(shown[3]).toMatchObject({ id: "signoff-more", message: expect.stringContaining("2 more") })
  })
})

describe("claimReminders (once per proposal, across worker restarts)", () => {
  let db: SignoffDatabase
  beforeEach(() => {
    db = new SignoffDatabase(`reminders-${crypto.randomUUID()}`)
  })
  afterEach(async () => {
    await db.delete()
  })

  it("hands out each proposal's reminder once, even to a second worker reading the same database", async () => {
    const pending = new Set(["A", "B"])
    expect(await claimReminders(db, ["A"], pending)).toEqual(["A"])
    db.close()
    const restarted = new SignoffDatabase(db.name)
    expect(await claimReminders(restarted, ["A", "B"], pending)).toEqual(["B"])
    expect(await claimReminders(restarted, ["A", "B"], pending)).toEqual([])
    restarted.close()
    await db.open()
  })

  it("gives two concurrent claims of the same reminder to one of them only", async () => {
    const pending = new Set(["A"])
    const [first, second] = await Promise.all([claimReminders(db, ["A"], pending), claimReminders(db, ["A"], pending)])
    expect([...first, ...second]).toEqual(["A"])
  })

  it("forgets proposals that are no longer pending, so the record stays small", async () => {
    await claimReminders(db, ["A", "B"], new Set(["A", "B"]))
    await claimReminders(db, [], new Set(["B"]))
    expect(await readMeta(db, "remindedProposals")).toEqual(["B"])
  })
})
