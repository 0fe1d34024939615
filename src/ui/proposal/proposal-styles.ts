/** Styles for proposal cards, in px; colours come from the --so-* variables the host container defines. */
export const PROPOSAL_CSS = `
.card { border: 1px solid var(--so-border); border-radius: 8px; padding: 10px 12px; margin: 0 0 8px; background: var(--so-surface); }
.card.open { border-color: var(--so-accent); box-shadow: 0 0 0 1px var(--so-accent); }
.title { margin: 4px 0 2px; font-size: 14px; line-height: 20px; }
.title-button { all: unset; cursor: pointer; font-weight: 600; color: var(--so-fg); }
.title-button:focus-visible { outline: 2px solid var(--so-accent); outline-offset: 2px; }
.summary { margin: 0 0 4px; font-size: 13px; line-height: 18px; }
.status-line { margin: 0; font-size: 12px; }
.impact { list-style: none; margin: 0 0 4px; padding: 6px 8px; background: var(--so-surface-2); border-radius: 6px; font-size: 12px; }
.impact li { margin: 2px 0; }
.impact-value { font-size: 14px; }
.meta, .evidence { display: grid; grid-template-columns: 96px 1fr; gap: 2px 8px; margin: 8px 0; font-size: 12px; }
.meta dt, .evidence dt { color: var(--so-muted); }
.meta dd, .evidence dd { margin: 0; overflow-wrap: anywhere; }
.evidence-item { display: contents; }
.risk-flags { list-style: none; display: flex; flex-wrap: wrap; gap: 4px; margin: 6px 0; padding: 0; }
.badge.risk { color: var(--so-warn-fg); border-color: var(--so-warn); }
.badge.paused { color: var(--so-warn-fg); }
.status-pending { color: var(--so-accent); }
.why summary { cursor: pointer; font-size: 12px; margin: 6px 0; }
.rationale { font-size: 12px; white-space: pre-wrap; margin: 0; }
.notice { font-size: 12px; padding: 6px 8px; border-radius: 6px; margin: 6px 0; }
.notice.queued { background: var(--so-surface-2); }
.notice.conflict { background: var(--so-removed-bg); color: var(--so-removed-fg); }
.actions { display: flex; flex-wrap: wrap; gap: 6px; margin-top: 10px; }
/* Long changes (HTML previews, bulk samples) must not push the decision out of reach. */
.details > .actions { position: sticky; bottom: 0; background: var(--so-surface); padding: 8px 0; border-top: 1px solid var(--so-border); }
button { font: 600 13px/18px system-ui, -apple-system, "Segoe UI", sans-serif; padding: 6px 12px; border-radius: 6px; border: 1px solid var(--so-border); background: var(--so-surface-2); color: var(--so-fg); cursor: pointer; }
button:disabled { opacity: .5; cursor: default; }
button:focus-visible { outline: 2px solid var(--so-accent); outline-offset: 1px; }
button.primary { background: var(--so-accent); border-color: var(--so-accent); color: var(--so-on-accent); }
/* The card's own background and border too: the popup's button.danger (white on red) would otherwise keep its red under this red text. */
button.danger { color: var(--so-removed-fg); background: var(--so-surface-2); border-color: var(--so-border); }
button.link { border: 0; background: none; padding: 2px 4px; color: var(--so-accent); font-weight: 400; }
kbd { font: 11px/14px ui-monospace, monospace; border: 1px solid var(--so-border); border-radius: 3px; padding: 0 3px; margin-left: 2px; color: var(--so-muted); }
.reject-reasons .prompt { margin: 8px 0 4px; font-size: 12px; font-weight: 600; }
.reason-buttons { display: flex; flex-wrap: wrap; gap: 4px; }
.reason { font-weight: 400; font-size: 12px; padding: 4px 8px; }
.other-reason { display: flex; flex-direction: column; gap: 4px; margin-top: 6px; font-size: 12px; }
.other-reason textarea { font: 13px/18px system-ui, sans-serif; padding: 6px; border: 1px solid var(--so-border); border-radius: 4px; background: var(--so-surface); color: var(--so-fg); }
.deadline { font-size: 12px; color: var(--so-muted); }
.deadline.urgent { color: var(--so-removed-fg); font-weight: 600; }
.edited-version { border-left: 3px solid var(--so-accent); padding: 4px 8px; margin: 8px 0; background: var(--so-surface-2); border-radius: 0 6px 6px 0; }
.edited-by { margin: 0; font-size: 12px; }
.edited-value { margin: 4px 0; }
.history-list { margin: 4px 0; padding-left: 18px; font-size: 12px; }
.history-entry { margin: 4px 0; }
.history-line, .history-detail { margin: 0; }
.history .error { color: var(--so-removed-fg); font-size: 12px; }
`
