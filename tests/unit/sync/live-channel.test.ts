import { describe, expect, it } from "vitest"
import { LIVE_CLOSE } from "~src/domain/live"
import { createLiveChannel, liveUrl, type LiveAccount, type LiveSocket, type NudgeReason } from "~src/sync/live-channel"

class FakeSocket implements LiveSocket {
  sent: string[] = []
  closedWith: number | null = null
  onopen: LiveSocket["onopen"] = null
  onmessage: LiveSocket["onmessage"] = null
  onclose: LiveSocket["onclose"] = null
  onerror: LiveSocket["onerror"] = null
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data)
  }
  close(code = 1000) {
    this.closedWith = code
    this.onclose?.({ code })
  }
  // What the server does:
  open() {
    this.onopen?.({})
  }
  receive(message: object | string) {
    this.onmessage?.({ data: typeof message === "string" ? message : JSON.stringify(message) })
  }
  drop(code = 1006) {
    this.onclose?.({ code })
  }
}

/** A channel with fake sockets and a manual clock: timers run only when the test says. */
function harness(account: LiveAccount | null = { serverUrl: "http://127.0.0.1:8787", token: "so_secret" }) {
  const sockets: FakeSocket[] = []
  const nudges: NudgeReason[] = []
  const timers: Array<{ at: number; run: () => void; id: number }> = []
  let clock = 0
  let ids = 0
  const current = { account }
  const channel = createLiveChannel({
    connect: (url) => {
      const socket = new FakeSocket(url)
      sockets.push(socket)
      return socket
    },
    account: async () => current.account,
    onNudge: (reason) => nudges.push(reason),
    setTimer: (run, ms) => {
      const timer = { at: clock + ms, run, id: ++ids }
      timers.push(timer)
      return timer.id
    },
    clearTimer: (id) => {
      const i = timers.findIndex((t) => t.id === id)
      if (i >= 0) timers.splice(i, 1)
    },
    random: () => 0.5
  })
  /** Moves the clock, running what falls due in order. */
  async function advance(ms: number) {
    clock += ms
    for (;;) {
      timers.sort((x, y) => x.at - y.at)
      const due = timers[0]
      if (!due || due.at > clock) break
      timers.shift()
      due.run()
      await flush()
    }
  }
  const last = () => sockets[sockets.length - 1]!
  return { channel, sockets, nudges, advance, last, current, pendingTimers: () => timers.length }
}

const flush = () => new Promise((resolve) => setTimeout(resolve, 0))

async function connected(h: ReturnType<typeof harness>) {
  await h.channel.start()
  h.last().open()
  h.last().receive({ type: "ready", seq: 7, heartbeatMs: 20_000 })
}

describe("liveUrl", () => {
  it("turns the server URL into a ws:// or wss:// URL at /v1/live with nothing else in it", () => {
    expect(liveUrl("http://127.0.0.1:8787")).toBe("ws://127.0.0.1:8787/v1/live")
    expect(liveUrl("https://signoff.example.com/")).toBe("wss://signoff.example.com/v1/live")
  })
})

describe("createLiveChannel", () => {
  it("sends the token in its first message, never in the URL", async () => {
    const h = harness()
    await h.channel.start()
    h.last().open()
    expect(h.last().url).not.toContain("so_secret")
    expect(h.last().sent.map((m) => JSON.parse(m))).toEqual([{ type: "auth", token: "so_secret" }])
  })

  it("pulls once the server says ready, and on every nudge", async () => {
    const h = harness()
    await connected(h)
    expect(h.channel.state()).toBe("open")
    h.last().receive({ type: "changed", seq: 8, proposalIds: ["p1"], more: false })
    h.last().receive({ type: "resync" })
    expect(h.nudges).toEqual(["ready", "changed", "resync"])
  })

  it("still pulls on a nudge carrying fields it does not know (a newer server)", async () => {
    const h = harness()
    await connected(h)
    h.last().receive({ type: "changed", seq: 8, proposalIds: ["p1"], more: false, workflowIds: ["w"] })
    expect(h.nudges).toEqual(["ready", "changed"])
  })

  it("does not pull on heartbeats or on messages that are not the server's", async () => {
    const h = harness()
    await connected(h)
    h.last().receive({ type: "heartbeat" })
    h.last().receive("not json")
    h.last().receive({ type: "changed", seq: "eight" })
    expect(h.nudges).toEqual(["ready"])
  })

  it("reconnects after a drop with backoff, and pulls on reconnecting so nothing missed is lost", async () => {
    const h = harness()
    await connected(h)
    h.last().drop()
    expect(h.channel.state()).toBe("waiting")
    expect(h.sockets).toHaveLength(1)
    await h.advance(749)
    expect(h.sockets).toHaveLength(1)
    await h.advance(1)
    expect(h.sockets).toHaveLength(2)
    h.last().open()
    h.last().receive({ type: "ready", seq: 12, heartbeatMs: 20_000 })
    expect(h.nudges).toEqual(["ready", "ready"])
  })

  it("backs off longer after each failed attempt, and starts over once connected", async () => {
    const h = harness()
    await h.channel.start()
    h.last().drop()
    await h.advance(750)
    h.last().drop()
    await h.advance(1_499)
    expect(h.sockets).toHaveLength(2)
    await h.advance(1)
    expect(h.sockets).toHaveLength(3)
    h.last().open()
    h.last().receive({ type: "ready", seq: 0, heartbeatMs: 20_000 })
    h.last().drop()
    await h.advance(750)
    expect(h.sockets).toHaveLength(4)
  })

  it("closes and reconnects a link that went silent for two and a half heartbeats", async () => {
    const h = harness()
    await connected(h)
    await h.advance(49_999)
    expect(h.last().closedWith).toBeNull()
    await h.advance(1)
    expect(h.sockets[0]!.closedWith).toBe(4000)
    await h.advance(750)
    expect(h.sockets).toHaveLength(2)
  })

  it("keeps a link whose heartbeats arrive", async () => {
    const h = harness()
    await connected(h)
    for (let i = 0; i < 5; i++) {
      await h.advance(20_000)
      h.last().receive({ type: "heartbeat" })
    }
    expect(h.sockets).toHaveLength(1)
    expect(h.last().closedWith).toBeNull()
  })

  it("stops reconnecting when the token is refused, until the settings change", async () => {
    const h = harness()
    await h.channel.start()
    h.last().open()
    h.last().drop(LIVE_CLOSE.unauthorized)
    expect(h.channel.state()).toBe("refused")
    await h.advance(60_000)
    await h.channel.start()
    expect(h.sockets).toHaveLength(1)
    h.current.account = { serverUrl: "http://127.0.0.1:8787", token: "so_new" }
    await h.channel.restart()
    expect(h.sockets).toHaveLength(2)
    h.last().open()
    expect(JSON.parse(h.last().sent[0]!)).toEqual({ type: "auth", token: "so_new" })
  })

  it("keeps trying when the server caps this token's channels", async () => {
    const h = harness()
    await h.channel.start()
    h.last().drop(LIVE_CLOSE.tooMany)
    expect(h.channel.state()).toBe("waiting")
  })

  it("stays off without an account, and opens once one is saved", async () => {
    const h = harness(null)
    await h.channel.start()
    expect(h.channel.state()).toBe("off")
    expect(h.sockets).toHaveLength(0)
    h.current.account = { serverUrl: "http://127.0.0.1:8787", token: "so_secret" }
    await h.channel.restart()
    expect(h.sockets).toHaveLength(1)
  })

  it("tries again later when the settings cannot be read", async () => {
    let connects = 0
    let retries = 0
    const failing = createLiveChannel({
      connect: () => {
        connects++
        return new FakeSocket("never")
      },
      account: async () => {
        throw new Error("storage closed")
      },
      onNudge: () => undefined,
      setTimer: () => ++retries,
      clearTimer: () => undefined
    })
    await failing.start()
    expect(failing.state()).toBe("waiting")
    expect({ connects, retries }).toEqual({ connects: 0, retries: 1 })
  })

  it("opens one socket however often it is started", async () => {
    const h = harness()
    await Promise.all([h.channel.start(), h.channel.start(), h.channel.start()])
    await h.channel.start()
    expect(h.sockets).toHaveLength(1)
  })

  it("ignores the old socket's events after a restart", async () => {
    const h = harness()
    await connected(h)
    const old = h.last()
    await h.channel.restart()
    expect(old.closedWith).toBe(1000)
    old.receive({ type: "changed", seq: 9, proposalIds: ["p"], more: false })
    old.drop()
    expect(h.nudges).toEqual(["ready"])
    expect(h.pendingTimers()).toBe(0)
  })
})
