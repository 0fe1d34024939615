import { CHANGE_CSS } from "~src/ui/changes/change-styles"
import { PROPOSAL_CSS } from "~src/ui/proposal/proposal-styles"

/**
 * The panel page's whole stylesheet. The page is its own document (an extension frame), so host
 * styles never reach it; sizes stay in px all the same, so it looks the same in every host.
 * The frame itself (size, place, shadow) is styled by the content script (src/launcher/launcher-styles.ts).
 */
export const PANEL_CSS = `
html, body { margin: 0; padding: 0; height: 100%; background: transparent; }
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
/* The panel fills its frame. */
.panel {
  position: fixed; inset: 0; display: flex; flex-direction: column; background: var(--so-bg); color: var(--so-fg);
  border: 1px solid var(--so-border); border-radius: 10px; outline: none;
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
.tenant-note { font-size: 12px; line-height: 16px; margin: 4px 0; padding: 4px 6px; border-radius: 6px; background: var(--so-warn-bg); color: var(--so-warn-fg); }
${PROPOSAL_CSS}
${CHANGE_CSS}
`
