import { afterAll, beforeAll, describe, expect, it } from "vitest"
import { Proposal, SyncPage } from "~src/domain"
import { snapshotDatabase, startServerWithCast, type ServerWithCast } from "./fixtures"

let cast: ServerWithCast
beforeAll(async () => {
  cast = await startServerWithCast()
})
afterAll(() => cast.server.close())

describe("a target's parents", () => {
  it("come back unchanged from create, GET and the sync feed, and the target columns stay the target's own", async () => {
    const { api, agent, ana, server } = cast
    const target = {
      platform: "hubspot" as const,
      kind: "email",
      id: "1100",
      url: "https://app.hubspot.com/email/4410021/edit/1100/content",
      parents: [
        { kind: "campaign", id: "3f9a2c1e-7b4d-4e8f-9a6b-1c2d3e4f5a6b" },
        { kind: "list", id: "12" }
      ]
    }

    const created = await api.createProposal(agent, { target })
    expect(created.status).toBe(201)
    // As sent, plus the portal the server read off the URL.
    const stored = { ...target, tenant: "4410021" }
    expect(Proposal.parse(created.body).target).toEqual(stored)

    const fetched = await api.get(`/v1/proposals/${created.body.id}`, ana)
    expect(Proposal.parse(fetched.body).target).toEqual(stored)

    const feed = SyncPage.parse((await api.get("/v1/sync?since=0", ana)).body)
    expect(feed.items.find((p) => p.id === created.body.id)?.target).toEqual(stored)

    // Stored as part of the proposal's document; the indexed columns name the email, not its campaign.
    const [row] = await server.sql(`SELECT platform, target_kind, target_id, body FROM proposals WHERE id = '${created.body.id}'`)
    expect(row).toMatchObject({ platform: "hubspot", target_kind: "email", target_id: "1100" })
    expect(JSON.parse(String(row!.body)).target).toEqual(stored)
  })

  it("refuses a parent with a field of its own, writing nothing", async () => {
    const { api, agent, server } = cast
    const before = await snapshotDatabase(server)
    const res = await api.createProposal(agent, {
      target: { platform: "hubspot", kind: "email", id: "1101", parents: [{ kind: "campaign", id: "c1", platform: "marketo" } as never] }
    })
    expect(res.status).toBe(400)
    expect(await snapshotDatabase(server)).toEqual(before)
  })
})
