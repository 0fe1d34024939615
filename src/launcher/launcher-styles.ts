/**
 * The launcher's and the frame's styles, inside a closed shadow root. Every size is in px: hosts set
 * odd root font sizes (HubSpot 10px, Marketo 12px). `:host { all: initial }` stops inherited host
 * styles at the boundary; nothing here can match host elements.
 */
export const LAUNCHER_CSS = `
:host { all: initial; }
* { box-sizing: border-box; }
.launcher {
  --so-fg: #1f2328; --so-bg: #ffffff; --so-border: #d1d9e0; --so-accent: #0a5fc2; --so-on-accent: #ffffff; --so-muted: #59636e;
  position: fixed; right: 0; top: 50%; transform: translateY(-50%); z-index: 2147483646;
  display: flex; flex-direction: column; align-items: center; gap: 4px; width: 32px; padding: 10px 0; margin: 0;
  border-radius: 8px 0 0 8px; border: 1px solid var(--so-border); border-right: 0; cursor: pointer;
  background: var(--so-bg); color: var(--so-fg); box-shadow: 0 2px 8px rgba(0,0,0,.18);
  font: 600 12px/14px system-ui, -apple-system, "Segoe UI", Roboto, sans-serif;
}
@media (prefers-color-scheme: dark) {
  .launcher { --so-fg: #e6edf3; --so-bg: #0d1117; --so-border: #3d444d; --so-accent: #4493f8; --so-on-accent: #0d1117; --so-muted: #9198a1; }
}
.launcher:focus-visible { outline: 2px solid var(--so-accent); outline-offset: 2px; }
.name { writing-mode: vertical-rl; transform: rotate(180deg); letter-spacing: 0.5px; }
.badge { min-width: 20px; height: 20px; border-radius: 10px; background: var(--so-accent); color: var(--so-on-accent); font: 700 11px/20px system-ui, sans-serif; text-align: center; padding: 0 4px; }
.launcher[data-state="unreadable"] .badge, .launcher[data-state="not-configured"] .badge, .launcher[data-state="unreachable"] .badge { background: var(--so-muted); }
/* Below the host's header (where primary actions live), leaving the launcher visible. */
.frame {
  position: fixed; top: 140px; right: 40px; width: 420px; max-width: calc(100vw - 52px); height: calc(100vh - 152px); z-index: 2147483647;
  border: 0; border-radius: 10px; box-shadow: 0 8px 28px rgba(0,0,0,.24); background: transparent; color-scheme: normal;
}
.frame[hidden] { display: none; }
`
