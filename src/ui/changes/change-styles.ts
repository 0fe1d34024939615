/** Styles for the change views, in px (host pages set odd root font sizes; rem would follow them). */
export const CHANGE_CSS = `
.change { margin: 8px 0; }
.change table { width: 100%; border-collapse: collapse; font-size: 12px; margin: 6px 0; }
.change caption { text-align: left; font-weight: 600; padding: 4px 0; color: var(--so-muted); font-size: 12px; }
.change th, .change td { text-align: left; padding: 4px 6px; border-bottom: 1px solid var(--so-border); vertical-align: top; overflow-wrap: anywhere; }
.change thead th { color: var(--so-muted); font-weight: 600; }
.change-caption { margin: 0 0 4px; font-size: 12px; color: var(--so-muted); }
.word-diff { white-space: pre-wrap; overflow-wrap: anywhere; font-size: 13px; line-height: 20px; padding: 8px; border: 1px solid var(--so-border); border-radius: 6px; background: var(--so-surface-2); max-height: 240px; overflow: auto; }
.diff-added { background: var(--so-added-bg); color: var(--so-added-fg); text-decoration: none; }
.diff-removed { background: var(--so-removed-bg); color: var(--so-removed-fg); text-decoration: line-through; }
.preview summary { cursor: pointer; font-size: 12px; margin: 6px 0; }
.html-preview { display: block; width: 100%; border: 1px solid var(--so-border); border-radius: 6px; background: #ffffff; }
.facts { display: grid; grid-template-columns: 120px 1fr; gap: 4px 8px; margin: 0; font-size: 13px; }
.facts dt { color: var(--so-muted); }
.facts dd { margin: 0; overflow-wrap: anywhere; }
.criteria { white-space: pre-wrap; margin: 0; font: 12px/18px ui-monospace, SFMono-Regular, Menlo, monospace; }
.compliance { border-left: 3px solid var(--so-warn); padding: 4px 8px; margin-top: 6px; background: var(--so-warn-bg); }
.compliance h4 { margin: 0 0 4px; font-size: 12px; }
.compliance ul { margin: 0; padding-left: 16px; font-size: 12px; }
.headline { font-size: 13px; margin: 0 0 4px; }
.up { color: var(--so-added-fg); } .down { color: var(--so-removed-fg); }
.steps { margin: 0; padding-left: 20px; font-size: 13px; }
.step { margin: 4px 0; }
.step-detail { font-size: 12px; margin-top: 2px; }
.badge { display: inline-block; font-size: 11px; line-height: 16px; padding: 0 6px; border-radius: 8px; border: 1px solid var(--so-border); }
.op-add { color: var(--so-added-fg); } .op-remove { color: var(--so-removed-fg); } .op-change { color: var(--so-accent); }
.pager { display: flex; gap: 8px; align-items: center; font-size: 12px; }
.muted { color: var(--so-muted); font-size: 12px; }
.editor-field { display: flex; flex-direction: column; gap: 2px; font-size: 12px; margin: 6px 0; }
.editor-field textarea, .editor-field input, .editor-field select { font: 13px/18px system-ui, sans-serif; padding: 6px; border: 1px solid var(--so-border); border-radius: 4px; background: var(--so-surface); color: var(--so-fg); }
.editor-fields { border: 0; padding: 0; margin: 0; }
.editor-fields legend { font-size: 12px; font-weight: 600; }
`
