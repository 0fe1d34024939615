import { afterEach, describe, expect, it } from "vitest"
import { WebSocket } from "ws"
import { LIVE_CLOSE } from "~src/domain/live"
import { openLive, type LiveClient } from "~tests/support/live-client"
import { type ServerWithCast, startServerWithCast } from "./fixtures"

let cast: ServerWithCast
const opened: LiveClient[] = []
const live = async (...args: Parameters<typeof openLive>) => {
  const client = await openLive(...args)
  opened.push(client)
  return client
}

afterEach(async () => {
  for (const client of opened.splice(0)) client.close()
  await cast?.server.close()
})

describe("live channel", () => {
  it("nudges a connected reviewer with the seq of an agent's new proposal, which /v1/sync then returns", async () => {
    cast = await startServerWithCast()
    const reviewer = await live(cast.server.url, cast.ana)
    expect(reviewer.ready).toMatchObject({ type: "ready", seq: 0 })
    const created = await cast.api.createProposal(cast.agent)
    expect(created.status).toBe(201)
    expect(await reviewer.next()).toEqual({ type: "changed", seq: created.body.seq, proposalIds: [created.body.id], more: false })
    const page = await cast.api.get(`/v1/sync?since=${(reviewer.ready as { seq: number }).seq}`, cast.ana)
    expect(page.body.items.map((p: { id: string }) => p.id)).toEqual([created.body.id])
  })

  it("nudges on a decision taken by another reviewer", async () => {
    cast = await startServerWithCast()
    const created = await cast.api.createProposal(cast.agent)
    const ben = await live(cast.server.url, cast.ben)
    const decided = await cast.api.decide(cast.ana, created.body.id, { action: "approve", proposalVersion: 1 })
    expect(decided.status).toBe(200)
    expect(await ben.next()).toEqual({ type: "changed", seq: decided.body.proposal.seq, proposalIds: [created.body.id], more: false })
  })

  it("tells an agent only of its own principal's proposals", async () => {
    cast = await startServerWithCast()
    const other = await cast.server.token("agent", "other-bot")
    const bot = await live(cast.server.url, cast.agent)
    const theirs = await cast.api.createProposal(other)
    const mine = await cast.api.createProposal(cast.agent)
    // Nudges go out in commit order: had the other agent's been sent, it would come first.
    expect(await bot.next()).toEqual({ type: "changed", seq: mine.body.seq, proposalIds: [mine.body.id], more: false })
    expect(theirs.body.seq).toBeLessThan(mine.body.seq)
  })

  it("coalesces changes that follow one another closely into one nudge naming them all, at the latest seq", async () => {
    cast = await startServerWithCast({ live: { nudgeMs: 3_000 } })
    const reviewer = await live(cast.server.url, cast.ana)
    const first = await cast.api.createProposal(cast.agent, { target: { platform: "hubspot", kind: "contact", id: "c1" } })
    // The first change after a quiet spell goes out at once.
    expect(await reviewer.next()).toEqual({ type: "changed", seq: first.body.seq, proposalIds: [first.body.id], more: false })
    const second = await cast.api.createProposal(cast.agent, { target: { platform: "hubspot", kind: "contact", id: "c2" } })
    const third = await cast.api.createProposal(cast.agent, { target: { platform: "hubspot", kind: "contact", id: "c3" } })
    expect(await reviewer.next()).toEqual({ type: "changed", seq: third.body.seq, proposalIds: [second.body.id, third.body.id], more: false })
  })

  it("reports the feed's head on ready, so a reconnecting client knows it is behind", async () => {
    cast = await startServerWithCast()
    const created = await cast.api.createProposal(cast.agent)
    const reviewer = await live(cast.server.url, cast.ana)
    expect(reviewer.ready).toMatchObject({ type: "ready", seq: created.body.seq })
  })

  it("sends heartbeats", async () => {
    cast = await startServerWithCast({ live: { heartbeatMs: 50 } })
    const reviewer = await live(cast.server.url, cast.ana)
    expect(reviewer.ready).toMatchObject({ heartbeatMs: 50 })
    expect(await reviewer.next({ heartbeats: true })).toEqual({ type: "heartbeat" })
  })

  it("closes a socket that never authenticates once the deadline passes", async () => {
    cast = await startServerWithCast({ live: { authDeadlineMs: 100 } })
    const silent = await live(cast.server.url)
    expect((await silent.closed).code).toBe(LIVE_CLOSE.badAuth)
  })

  it("closes a socket whose first message is not an auth message, or carries unknown fields", async () => {
    cast = await startServerWithCast()
    for (const first of [
      "hello",
      JSON.stringify({ type: "auth" }),
      JSON.stringify({ type: "auth", token: cast.ana, extra: 1 }),
      JSON.stringify({ type: "auth", token: "x".repeat(5_000) })
    ]) {
      const client = await live(cast.server.url, undefined, first)
      expect((await client.closed).code).toBeOneOf([LIVE_CLOSE.badAuth, 1009])
    }
  })

  it("refuses an unknown token with 4401", async () => {
    cast = await startServerWithCast()
    await expect(live(cast.server.url, "so_not-a-token")).rejects.toThrow(/closed 4401/)
  })

  it("closes the channel of a token revoked while it is open", async () => {
    cast = await startServerWithCast({ live: { heartbeatMs: 50 } })
    const { token, tokenId } = await cast.server.tokenWithIds("reviewer", "Cleo")
    const cleo = await live(cast.server.url, token)
    expect((await cast.api.post(`/v1/tokens/${tokenId}/revoke`, cast.admin, {})).status).toBe(200)
    expect((await cleo.closed).code).toBe(LIVE_CLOSE.unauthorized)
  })

  it("caps the channels one token holds open, and frees a slot when one closes", async () => {
    cast = await startServerWithCast({ limits: { maxLiveChannelsPerToken: 1 } })
    const first = await live(cast.server.url, cast.ana)
    await expect(live(cast.server.url, cast.ana)).rejects.toThrow(/closed 4429/)
    // Another token of another person is not affected.
    await live(cast.server.url, cast.ben)
    first.close()
    await first.closed
    await expect
      .poll(
        async () =>
          await live(cast.server.url, cast.ana).then(
            () => "open",
            (e: Error) => e.message
          )
      )
      .toBe("open")
  })

  it("closes a client that speaks after authenticating", async () => {
    cast = await startServerWithCast()
    const reviewer = await live(cast.server.url, cast.ana)
    reviewer.send(JSON.stringify({ type: "auth", token: cast.ana }))
    expect((await reviewer.closed).code).toBe(LIVE_CLOSE.badAuth)
  })

  it("answers 404 to an upgrade on any other path", async () => {
    cast = await startServerWithCast()
    const socket = new WebSocket(`${cast.server.url.replace(/^http/, "ws")}/v1/other`)
    const status = await new Promise<number | undefined>((resolve) => {
      socket.on("error", () => undefined)
      socket.on("unexpected-response", (request, response) => {
        request.destroy()
        resolve(response.statusCode)
      })
      socket.on("open", () => resolve(undefined))
    })
    expect(status).toBe(404)
  })

  it("closes open channels with 1001 when the server stops", async () => {
    cast = await startServerWithCast()
    const reviewer = await live(cast.server.url, cast.ana)
    await cast.server.close()
    expect((await reviewer.closed).code).toBe(LIVE_CLOSE.goingAway)
  })
})
