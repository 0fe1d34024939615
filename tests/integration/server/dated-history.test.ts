/**
 * The seeding path for past activity (server/seed/dated-history.ts), with the demo's 60 days
 * (scripts/demo-history.ts): rows land at the given times, the audit chain verifies, and the
 * advisor's data holds a loosen, a tighten and a hold. Runs on Postgres with SIGNOFF_TEST_DB.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { StatsResponse } from "~src/domain"
import { HistoryRefused, type DatedHistory, type SeededHistory, seedDatedHistory } from "~server/seed/dated-history"
import { openServerData } from "~server/start"
import { demoHistory } from "~scripts/demo-history"
import { type TestServer, startTestServer } from "~tests/support/server"
import { proposalBody } from "~tests/support/proposals"
import { client, snapshotDatabase } from "./fixtures"

const DAY_MS = 86_400_000

describe("a dated history seeded into a fresh database", () => {
  let server: TestServer
  let api: ReturnType<typeof client>
  let history: DatedHistory
  let seeded: SeededHistory

  beforeAll(async () => {
    history = demoHistory(new Date())
    server = await startTestServer({
      prepare: async (location, keyDir) => {
        const data = await openServerData(location, { keyDir })
        try {
          seeded = await seedDatedHistory(data, history)
        } finally {
          await data.db.destroy()
        }
      }
    })
    api = client(server)
  }, 180_000)
  afterAll(() => server?.close())

  const admin = () => seeded.people.admin!.token

  it("stores each proposal and decision at the time the history gives", async () => {
    const decide = history.events.find((e) => e.type === "decide" && e.decision.action === "reject")!
    const propose = history.events.find((e) => e.type === "propose" && "ref" in decide && e.ref === decide.ref)!
    const res = await api.get(`/v1/proposals/${seeded.proposals[(decide as { ref: string }).ref]}`, admin())
    expect(res.status).toBe(200)
    expect(res.body.createdAt).toBe(propose.at.toISOString())
    expect(res.body.status).toBe("rejected")
    expect(res.body.decisions.map((d: { createdAt: string }) => d.createdAt)).toEqual([decide.at.toISOString()])
    expect(Date.now() - Date.parse(res.body.createdAt)).toBeGreaterThan(DAY_MS)
  })

  it("keeps the audit chain verifiable, its times in the order of its entries and none in the future", async () => {
    const verify = await api.get("/v1/audit/verify", admin())
    expect(verify.body).toMatchObject({ ok: true, firstBroken: null })
    const entries = (await api.get("/v1/audit?format=jsonl", admin())).body as string
    const times = entries
      .trim()
      .split("\n")
      .map((line) => (JSON.parse(line) as { at: string }).at)
    expect(times.length).toBeGreaterThan(history.events.length)
    expect([...times].sort()).toEqual(times)
    expect(times.at(-1)! <= new Date().toISOString()).toBe(true)
    expect(times[0]! < new Date(Date.now() - 59 * DAY_MS).toISOString()).toBe(true)
  })

  it("names the people the history gives, as principals with working tokens", async () => {
    const me = await api.get("/v1/me", seeded.people.ana!.token)
    expect(me.body).toMatchObject({ name: "Ana Reviewer", role: "reviewer" })
  })

  it("gives the advisor a workflow to loosen, one to tighten and one to hold, each with charted days", async () => {
    const res = await api.get("/v1/stats?window=30", admin())
    const stats = StatsResponse.parse(res.body)
    const action = (id: string) => stats.workflows.find((w) => w.workflowId === id)!.recommendation.action
    expect(action("segment-builder")).toBe("loosen_to_monitor")
    expect(action("nurture-flow-builder")).toBe("loosen_to_exception")
    expect(action("lead-router")).toBe("tighten")
    expect(action("email-copywriter")).toBe("hold")
    // A hold on its edits, not for want of data.
    const copywriter = stats.workflows.find((w) => w.workflowId === "email-copywriter")!.recommendation.basis!
    expect(copywriter.outcomes).toBeGreaterThanOrEqual(50)
    expect(copywriter.editRate).toBeGreaterThan(0.1)
    expect(action("lead-scoring-tuner")).toBe("hold")
    for (const w of stats.workflows) {
      expect(w.series.filter((p) => p.decisions > 0 || (p.executed ?? 0) > 0).length, w.workflowId).toBeGreaterThan(0)
      expect(w.reviewMs.median, w.workflowId).not.toBeNull()
    }
  })

  it("records the admin's change of a workflow's model on the day it happened", async () => {
    const entries = ((await api.get("/v1/audit?format=jsonl", admin())).body as string)
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l))
    const change = entries.find((e) => e.event === "workflow.changed" && e.workflowId === "lead-router")
    expect(change.actor).toMatchObject({ name: "Dana Admin", role: "admin" })
    expect(change.data.before.model).toBe("monitor")
    expect(change.data.after.model).toBe("exception")
    expect(Date.now() - Date.parse(change.at)).toBeGreaterThan(30 * DAY_MS)
  })
})

describe("a dated history that cannot be written", () => {
  let server: TestServer
  let api: ReturnType<typeof client>
  let agent: string

  beforeAll(async () => {
    server = await startTestServer()
    api = client(server)
    agent = await server.token("agent", "bot")
    await api.createProposal(agent)
  })
  afterAll(() => server?.close())

  const people: DatedHistory["people"] = { bot: { name: "bot 2", role: "agent" }, rita: { name: "Rita", role: "reviewer" } }
  const at = (daysAgo: number) => new Date(Date.now() - daysAgo * DAY_MS)

  async function expectRefused(history: DatedHistory, message: RegExp) {
    const before = await snapshotDatabase(server)
    const data = await openServerData(server.dbPath, { keyDir: server.keyDir })
    try {
      await expect(seedDatedHistory(data, history)).rejects.toThrow(HistoryRefused)
      await expect(seedDatedHistory(data, history)).rejects.toThrow(message)
    } finally {
      await data.db.destroy()
    }
    expect(await snapshotDatabase(server)).toEqual(before)
  }

  it("is refused before the audit log's last entry, which would put the log's times out of order", async () => {
    await expectRefused(
      { people, events: [{ at: at(3), type: "propose", by: "bot", ref: "a", proposal: proposalBody() }] },
      /before the audit log's last entry/
    )
  })

  it("is refused when it reaches into the future", async () => {
    await expectRefused({ people, events: [{ at: new Date(Date.now() + DAY_MS), type: "propose", by: "bot", ref: "a", proposal: proposalBody() }] }, /future/)
  })

  it("is refused when its events are out of time order", async () => {
    const later = new Date(Date.now() + 1_000)
    await expectRefused(
      {
        people,
        events: [
          { at: later, type: "propose", by: "bot", ref: "a", proposal: proposalBody() },
          { at: new Date(later.getTime() - 60_000), type: "propose", by: "bot", ref: "b", proposal: proposalBody() }
        ]
      },
      /earlier than the one before it/
    )
  })

  it("is refused when someone acts outside their role (an agent deciding)", async () => {
    await expectRefused(
      { people, events: [{ at: new Date(), type: "decide", by: "bot", ref: "a", decision: { action: "approve" } }] },
      /needs the reviewer role/
    )
  })
})
