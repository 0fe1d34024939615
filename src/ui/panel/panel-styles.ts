import { CHANGE_CSS } from "~src/ui/changes/change-styles"
import { PROPOSAL_CSS } from "~src/ui/proposal/proposal-styles"

/**
 * The panel's whole stylesheet, injected as a <style> in its shadow root. Every size is in px:
 * hosts set odd root font sizes (HubSpot 10px, Marketo 12px) and rem would follow them into the
 * shadow root. `:host { all: initial }` stops inherited host styles (font, color, line-height)
 * at the boundary; nothing here can match host elements.
 */
export const PANEL_CSS = `
:host { all: initial; }
.signoff {
  --so-fg: #1f2328; --so-muted: #59636e; --so-bg: #ffffff; --so-surface: #ffffff; --so-surface-2: #f6f8fa;
  --so-border: #d1d9e0; --so-accent: #0a5fc2; --so-on-accent: #ffffff;
  --so-added-bg: #dafbe1; --so-added-fg: #116329; --so-removed-bg: #ffebe9; --so-removed-fg: #a40e26;
  --so-warn: #bf8700; --so-warn-bg: #fff8c5; --so-warn-fg: #7d4e00;
  font: 13px/18px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif; color: var(--so-fg);
}
@media (prefers-color-scheme: dark) {
  .signoff {
    --so-fg: #e6edf3; --so-muted: #9198a1; --so-bg: #0d1117; --so-surface: #151b23; --so-surface-2: #212830;
    --so-border: #3d444d; --so-accent: #4493f8; --so-on-accent: #0d1117;
    --so-added-bg: #12361f; --so-added-fg: #7ee787; --so-removed-bg: #3d1418; --so-removed-fg: #ffa198;
    --so-warn: #d29922; --so-warn-bg: #2e2410; --so-warn-fg: #e3b341;
  }
}
*, *::before, *::after { box-sizing: border-box; }
/* Right edge, below the host's header row: never over the top-right primary actions. */
.launcher {
  position: fixed; right: 0; top: 50%; transform: translateY(-50%); z-index: 2147483646;
  display: flex; flex-direction: column; align-items: center; gap: 4px; width: 32px; padding: 10px 0;
  border-radius: 8px 0 0 8px; border: 1px solid var(--so-border); border-right: 0;
  background: var(--so-bg); color: var(--so-fg); box-shadow: 0 2px 8px rgba(0,0,0,.18);
}
.launcher-name { writing-mode: vertical-rl; transform: rotate(180deg); font: 600 12px/14px system-ui, sans-serif; letter-spacing: 0.5px; }
.launcher-badge { min-width: 20px; height: 20px; border-radius: 10px; background: var(--so-accent); color: var(--so-on-accent); font: 700 11px/20px system-ui, sans-serif; text-align: center; padding: 0 4px; }
.launcher-unreadable .launcher-badge, .launcher-not-configured .launcher-badge, .launcher-unreachable .launcher-badge { background: var(--so-muted); }
/* Starts below the host's header (where primary actions live) and leaves the launcher visible. */
.panel {
  position: fixed; top: 140px; right: 40px; bottom: 12px; width: 420px; max-width: calc(100vw - 52px); z-index: 2147483647;
  display: flex; flex-direction: column; background: var(--so-bg); color: var(--so-fg);
  border: 1px solid var(--so-border); border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.24);
}
.panel-header { display: flex; justify-content: space-between; align-items: flex-start; padding: 10px 12px; border-bottom: 1px solid var(--so-border); }
.panel-header h2 { margin: 0; font-size: 15px; line-height: 20px; }
.entity-label { margin: 0; font-size: 12px; color: var(--so-muted); }
/* No bottom padding: a sticky element sticks at the scroll container's padding edge, so padding here
   would leave a strip under each card's sticky action bar where scrolled content shows through. */
.panel-body { flex: 1; overflow: auto; padding: 10px 12px 0; }
.panel-body > :last-child { margin-bottom: 10px; }
.panel-footer { padding: 6px 12px; border-top: 1px solid var(--so-border); font-size: 11px; color: var(--so-muted); }
.section-title { font-size: 12px; text-transform: uppercase; letter-spacing: 0.5px; color: var(--so-muted); margin: 12px 0 6px; }
.section-note { font-size: 12px; line-height: 16px; color: var(--so-muted); margin: -2px 0 8px; }
.message { font-size: 13px; line-height: 20px; }
.banner { font-size: 12px; padding: 8px; border-radius: 6px; margin: 0 0 8px; background: var(--so-warn-bg); color: var(--so-warn-fg); }
.banner.error { background: var(--so-removed-bg); color: var(--so-removed-fg); }
.close { font-size: 16px; }
${PROPOSAL_CSS}
${CHANGE_CSS}
`
