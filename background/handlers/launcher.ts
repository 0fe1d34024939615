import { isConfigured, readEntityProposals, readMeta, readSettings, toLocalProposal, writeMeta } from "~src/db"
import { needsReview } from "~src/local/needs-review"
import { frameOf, HandlerError, PAGE_VIEW_SYNC_MAX_AGE_MS, type AreaHandlers, type HandlerContext } from "./handler-context"

/** The in-page launcher and the panel frame it opens: what the launcher shows, and the frame's session. */
export function launcherHandlers({
  db,
  engine,
  panelSessions,
  tabEntity,
  inBackground
}: HandlerContext): AreaHandlers<"launcher.status" | "panel.session" | "panel.claim" | "panel.focusRequest"> {
  return {
    "launcher.status": async (_message, asker) => {
      const tabId = asker.sender.tab?.id
      const url = asker.sender.tab?.url ?? ""
      const entity = await tabEntity(asker)
      const openPanel = tabId !== undefined && Boolean((await readMeta(db, "focusByTab"))[String(tabId)])
      if (!entity) return { state: { kind: "unreadable" as const }, url, openPanel }
      if (!isConfigured(await readSettings(db))) return { state: { kind: "not-configured" as const }, url, openPanel }
      inBackground(engine.runIfStale(PAGE_VIEW_SYNC_MAX_AGE_MS))
      const { proposals } = await readEntityProposals(db, entity)
      return { state: { kind: "ready" as const, toReview: proposals.map(toLocalProposal).filter(needsReview).length }, url, openPanel }
    },
    // The sender policy lets only a content script in a tab ask, so the tab is there.
    "panel.session": async (_message, { sender }) => ({ session: await panelSessions.mint(sender.tab!.id!) }),
    "panel.claim": async ({ session }, { sender }) => {
      const claimed = await panelSessions.claim(session, frameOf(sender))
      if (!claimed) throw new HandlerError("forbidden", "this panel was not opened by Signoff on this page")
      return { claimed: true as const }
    },
    "panel.focusRequest": async (_message, { sender }) => {
      const tabId = sender.tab?.id
      if (tabId === undefined) return { proposalId: null }
      return db.transaction("rw", db.meta, async () => {
        const { [String(tabId)]: proposalId = null, ...rest } = await readMeta(db, "focusByTab")
        if (proposalId) await writeMeta(db, "focusByTab", rest)
        return { proposalId }
      })
    }
  }
}
