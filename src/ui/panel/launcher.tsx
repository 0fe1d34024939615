import { forwardRef } from "react"
import { useTrustedHandler } from "~src/ui/proposal/trusted-events"
import { launcherLabel, type LauncherState } from "./launcher-label"

/** The tab at the right edge that opens the panel; its badge is the count to review on this page. */
export const Launcher = forwardRef<HTMLButtonElement, { state: LauncherState; open: boolean; onToggle: () => void }>(function Launcher(
  { state, open, onToggle },
  ref
) {
  const trusted = useTrustedHandler()
  const badge = state.kind === "ready" ? (state.toReview > 0 ? String(state.toReview) : "✓") : state.kind === "loading" ? "…" : "!"
  return (
    <button
      ref={ref}
      type="button"
      className={`launcher launcher-${state.kind}`}
      aria-label={launcherLabel(state)}
      aria-expanded={open}
      aria-controls="signoff-panel"
      onClick={trusted(() => onToggle())}>
      <span className="launcher-name" aria-hidden="true">
        Signoff
      </span>
      {/* The space keeps the visible text ("Signoff 3") a prefix of the accessible name
          ("Signoff: 3 proposals"); without it the text reads "Signoff3" (WCAG 2.5.3, label in name). */}{" "}
      <span className="launcher-badge" aria-hidden="true">
        {badge}
      </span>
    </button>
  )
})
