import { describe, expect, it } from "vitest"
import { createPanelSessions, memorySessionStore, SESSION_TTL_MS } from "~src/messaging/panel-sessions"

const frame = { tabId: 7, frameId: 3, documentId: "DOC-A" }

function sessions(start = 1_000) {
  let now = start
  let n = 0
  const panelSessions = createPanelSessions(memorySessionStore(), { now: () => now, randomId: () => `s${++n}` })
  return { panelSessions, advance: (ms: number) => void (now += ms) }
}

describe("panel sessions", () => {
  it("binds the frame that claims a session minted for its tab", async () => {
    const { panelSessions } = sessions()
    const session = await panelSessions.mint(7)
    expect(await panelSessions.isBound(frame)).toBe(false)
    expect(await panelSessions.claim(session, frame)).toBe(true)
    expect(await panelSessions.isBound(frame)).toBe(true)
  })

  it("is single-use: a second claim, even by the same frame, fails", async () => {
    const { panelSessions } = sessions()
    const session = await panelSessions.mint(7)
    await panelSessions.claim(session, frame)
    expect(await panelSessions.claim(session, { ...frame, documentId: "DOC-B" })).toBe(false)
    expect(await panelSessions.isBound({ ...frame, documentId: "DOC-B" })).toBe(false)
  })

  it("refuses a session minted for another tab, and voids it", async () => {
    const { panelSessions } = sessions()
    const session = await panelSessions.mint(8)
    expect(await panelSessions.claim(session, frame)).toBe(false)
    expect(await panelSessions.claim(session, { ...frame, tabId: 8 })).toBe(false)
  })

  it("refuses an unknown or stale session", async () => {
    const { panelSessions, advance } = sessions()
    expect(await panelSessions.claim("made-up", frame)).toBe(false)
    const session = await panelSessions.mint(7)
    advance(SESSION_TTL_MS + 1)
    expect(await panelSessions.claim(session, frame)).toBe(false)
  })

  it("binds only that document: another frame in the tab, or the frame reloaded, is not bound", async () => {
    const { panelSessions } = sessions()
    await panelSessions.claim(await panelSessions.mint(7), frame)
    expect(await panelSessions.isBound({ ...frame, frameId: 4 })).toBe(false)
    expect(await panelSessions.isBound({ ...frame, documentId: "DOC-RELOADED" })).toBe(false)
  })

  it("a newer claim in the tab replaces the older frame", async () => {
    const { panelSessions } = sessions()
    await panelSessions.claim(await panelSessions.mint(7), frame)
    const reloaded = { ...frame, documentId: "DOC-B" }
    await panelSessions.claim(await panelSessions.mint(7), reloaded)
    expect(await panelSessions.isBound(frame)).toBe(false)
    expect(await panelSessions.isBound(reloaded)).toBe(true)
  })

  it("forgets a closed tab", async () => {
    const { panelSessions } = sessions()
    await panelSessions.claim(await panelSessions.mint(7), frame)
    await panelSessions.forgetTab(7)
    expect(await panelSessions.isBound(frame)).toBe(false)
  })
})
