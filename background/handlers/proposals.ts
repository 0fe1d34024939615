import { readEntityProposals, readMeta, writeMeta, type CachedProposal } from "~src/db"
import { HandlerError, PAGE_VIEW_SYNC_MAX_AGE_MS, type AreaHandlers, type HandlerContext } from "./handler-context"

/** Proposals one at a time: those a page shows, one by id, and opening one on its own page. */
export function proposalHandlers({
  db,
  engine,
  browser,
  tabEntity,
  requireOnPage,
  uiContext,
  forUi,
  configuredApi,
  inBackground
}: HandlerContext): AreaHandlers<"proposals.forEntity" | "proposal.get" | "proposal.open" | "proposal.history"> {
  return {
    "proposals.forEntity": async ({ entity: named }, asker) => {
      // A panel shows what its tab's URL shows, whatever it asks for.
      const entity = asker.kind === "panel-frame" ? await tabEntity(asker) : named
      if (asker.kind !== "panel-frame" && !entity) throw new HandlerError("bad_request", "name the entity")
      inBackground(engine.runIfStale(PAGE_VIEW_SYNC_MAX_AGE_MS))
      const [found, workflows, status, ctx] = await Promise.all([
        entity ? readEntityProposals(db, entity) : { proposals: [], related: [] },
        db.workflows.toArray(),
        engine.status(),
        uiContext()
      ])
      const url = asker.kind === "panel-frame" ? (asker.sender.tab?.url ?? "") : ""
      const show = (p: CachedProposal) => forUi(p, ctx)
      return { url, entity: entity ?? null, proposals: found.proposals.map(show), related: found.related.map(show), workflows, status }
    },
    "proposal.get": async ({ proposalId }) => {
      const cached = await db.proposals.get(proposalId)
      return { proposal: cached ? forUi(cached, await uiContext()) : null }
    },
    // Read from the server on request (the audit log is its source): a panel only for what its page shows.
    "proposal.history": async ({ proposalId }, asker) => {
      await requireOnPage(asker, proposalId, "read the history of")
      return (await configuredApi()).history(proposalId)
    },
    "proposal.open": async ({ proposalId }) => {
      const cached = await db.proposals.get(proposalId)
      const { url } = (cached ?? (await (await configuredApi()).proposal(proposalId))).target
      if (!url || !/^https?:\/\//.test(url)) return { opened: false }
      const tabId = await browser.openTab(url)
      if (tabId === undefined) return { opened: false }
      // Remembered in Dexie, not memory: the worker may be stopped before the page asks.
      await db.transaction("rw", db.meta, async () => {
        const focus = await readMeta(db, "focusByTab")
        await writeMeta(db, "focusByTab", { ...focus, [String(tabId)]: proposalId })
      })
      return { opened: true }
    }
  }
}
