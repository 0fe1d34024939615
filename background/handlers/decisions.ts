import { putServerCopy } from "~src/db"
import { toDecisionCreate } from "~src/local/decision-request"
import { currentAccount, dismissRefusedDecisions, enqueueDecision } from "~src/sync"
import { HandlerError, type AreaHandlers, type HandlerContext } from "./handler-context"

/** Decisions are queued in the outbox, bound to the account that made them, and sent by the sync engine. */
export function decisionHandlers({
  db,
  engine,
  now,
  onLocalChange,
  requireOnPage,
  configuredApi,
  uiContext,
  forUi,
  inBackground
}: HandlerContext): AreaHandlers<"decision.submit" | "decision.dismiss"> {
  return {
    "decision.submit": async ({ decision }, asker) => {
      await requireOnPage(asker, decision.proposalId, "decide")
      toDecisionCreate(decision) // a decision the API would refuse is refused here, before anything is queued
      const account = await currentAccount(db)
      if (!account) throw new HandlerError("not_configured", "Set the server URL and API token on the Signoff options page")
      // A page may show a proposal the cache does not hold yet (a daily summary item read from the
      // server before the next sync): the outbox needs its copy. A panel only acts on cached ones.
      if (asker.kind === "extension-page" && !(await db.proposals.get(decision.proposalId)))
        await putServerCopy(db, await (await configuredApi()).proposal(decision.proposalId))
      const proposal = await enqueueDecision(db, decision, { now: now(), account })
      engine.noteLocalChange()
      await onLocalChange?.()
      inBackground(engine.run())
      return { proposal: forUi(proposal, await uiContext()) }
    },
    "decision.dismiss": async ({ proposalId }, asker) => {
      await requireOnPage(asker, proposalId, "dismiss a notice on")
      const proposal = await dismissRefusedDecisions(db, proposalId, await currentAccount(db))
      engine.noteLocalChange()
      await onLocalChange?.()
      return { proposal: proposal ? forUi(proposal, await uiContext()) : null }
    }
  }
}
