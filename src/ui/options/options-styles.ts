/** Options page styles, in px (no rem: host pages set their own root font size, and the extension's pages follow one scale). */
export const optionsCss = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/20px system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; background: #f4f6fa; }
.console { display: grid; grid-template-columns: 208px minmax(0, 1fr); grid-template-areas: "header header" "nav main"; gap: 0 24px;
  max-width: 1560px; margin: 0 auto; padding: 24px 16px 64px; }
.console-header { grid-area: header; display: flex; align-items: baseline; gap: 16px; flex-wrap: wrap; margin: 0 0 16px; }
.console-nav { grid-area: nav; }
.console-nav ul { list-style: none; margin: 0; padding: 0; position: sticky; top: 16px; }
.console-nav a { display: block; padding: 8px 12px; border-radius: 6px; color: #1d2433; text-decoration: none; border-left: 3px solid transparent; }
.console-nav a:hover { background: #e8ecf4; }
.console-nav a[aria-current=page] { background: #fff; border-left-color: #1f4fd1; font-weight: 600; color: #1f4fd1; }
.console-nav a:focus-visible { outline: 2px solid #1f4fd1; outline-offset: 2px; }
.nav-note { font-weight: 400; color: #4a5468; font-size: 13px; }
.console-main { grid-area: main; min-width: 0; }
.console-main h2:focus { outline: none; }
.console-main h2:focus-visible { outline: 2px solid #1f4fd1; outline-offset: 4px; }
@media (max-width: 760px) { .console { grid-template-columns: 1fr; grid-template-areas: "header" "nav" "main"; } .console-nav ul { position: static; display: flex; flex-wrap: wrap; } }
h1 { font-size: 24px; line-height: 32px; margin: 0; }
h2 { font-size: 18px; line-height: 24px; margin: 0 0 12px; }
h3 { font-size: 15px; line-height: 20px; margin: 0 0 8px; }
.card { background: #fff; border: 1px solid #d5dbe6; border-radius: 8px; padding: 16px; margin: 0 0 16px; }
.field { display: flex; flex-direction: column; gap: 4px; margin: 0 0 12px; }
.field-inline { display: flex; align-items: center; gap: 8px; margin: 0 0 8px; }
label { font-weight: 600; }
input[type=url], input[type=password], input[type=text], input[type=number], input[type=date], select {
  font: inherit; padding: 6px 8px; border: 1px solid #8a94a6; border-radius: 4px; min-width: 0; }
input[type=number] { width: 96px; }
button { font: inherit; padding: 6px 14px; border-radius: 4px; border: 1px solid #1f4fd1; background: #1f4fd1; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f4fd1; }
button.danger { background: #b42318; border-color: #b42318; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
button:focus-visible, input:focus-visible, select:focus-visible { outline: 2px solid #1f4fd1; outline-offset: 2px; }
.actions { display: flex; gap: 8px; flex-wrap: wrap; align-items: center; }
.hint { color: #4a5468; font-size: 13px; margin: 0; }
.error { color: #b42318; margin: 8px 0 0; }
.status-line p { margin: 8px 0 0; }
.readonly-note { background: #fff7e6; border: 1px solid #e8b54d; border-radius: 4px; padding: 8px 12px; margin: 0 0 12px; }
table { border-collapse: collapse; width: 100%; }
th, td { text-align: left; padding: 6px 8px; border-bottom: 1px solid #e3e7ef; vertical-align: middle; }
th { font-size: 13px; color: #4a5468; }
.reco { border-radius: 6px; padding: 12px; margin: 12px 0 0; border: 2px solid; }
.reco-loosen { border-color: #1a7f37; background: #eefbf1; }
.reco-tighten { border-color: #b42318; background: #fdf0ee; }
.reco-hold { border-color: #8a94a6; background: #f6f7f9; }
.reco h4 { margin: 0 0 6px; font-size: 16px; }
.charts { display: grid; grid-template-columns: repeat(auto-fit, minmax(520px, 1fr)); gap: 12px; }
.chart { min-height: 200px; }
.dialog { border: 2px solid #1d2433; border-radius: 8px; padding: 12px; margin: 12px 0 0; background: #fff; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { display: flex; gap: 8px; align-items: center; padding: 6px 0; border-bottom: 1px solid #e3e7ef; }
.toolbar { display: flex; flex-wrap: wrap; gap: 8px 20px; align-items: center; margin: 0 0 12px; }
.toolbar .field-inline { margin: 0; }
.push-right { margin-left: auto; }
.table-scroll { overflow-x: auto; border: 1px solid #e3e7ef; border-radius: 6px; }
.table-scroll:focus-visible { outline: 2px solid #1f4fd1; outline-offset: 2px; }
/* Compact, so the rates and Save fit beside the settings on a laptop screen (1440 px) without scrolling sideways. */
.workflow-table { font-size: 13px; }
.workflow-table th, .workflow-table td { padding: 6px 4px; white-space: nowrap; }
.workflow-table tbody th { font-weight: 600; white-space: normal; min-width: 8em; }
.workflow-table input[type=number], .workflow-table select { padding: 4px 6px; }
.workflow-table input[type=number].narrow { width: 56px; }
.workflow-table tr.dirty > * { background: #f5f8ff; }
.workflow-table select { max-width: 200px; }
.num { text-align: right; font-variant-numeric: tabular-nums; }
input[type=number].narrow { width: 72px; }
button.sort { background: none; border: none; color: #4a5468; font-weight: 600; font-size: 13px; padding: 2px 0; cursor: pointer; }
button.sort:hover { color: #1d2433; text-decoration: underline; }
/* A table cell stays a table cell (a flex cell loses its row's border): the status follows the button inline. */
.row-actions .row-status { display: inline-block; margin-left: 6px; }
.workflow-table .row-actions button { padding: 4px 10px; }
.row-status { font-size: 13px; color: #1a7f37; min-width: 44px; }
.row-message td { white-space: normal; }
.row-message .dialog { margin: 4px 0; }
code { font: 12px/16px ui-monospace, SFMono-Regular, Menlo, monospace; color: #4a5468; }
.advisor-summary { font-size: 15px; margin: 8px 0 16px; }
.advice h3 { font-size: 17px; }
table.evidence { margin: 4px 0 8px; background: rgba(255,255,255,0.7); }
table.evidence th, table.evidence td { font-size: 13px; padding: 4px 8px; }
table.evidence tbody th { color: #1d2433; font-weight: 600; }
.verdict { white-space: nowrap; font-weight: 600; }
.verdict-ok .verdict { color: #1a7f37; }
.verdict-short .verdict { color: #8a4b00; }
.verdict-alarm .verdict { color: #b42318; }
.server-evidence { margin: 4px 0; padding-left: 20px; font-size: 13px; color: #4a5468; }
dl.facts { display: grid; grid-template-columns: max-content 1fr; gap: 4px 12px; margin: 12px 0; font-size: 13px; }
dl.facts dt { font-weight: 600; color: #4a5468; }
dl.facts dd { margin: 0; }
.chart-empty { border: 1px dashed #b8c0cf; border-radius: 6px; padding: 24px 12px; text-align: center; color: #4a5468; margin: 0; }
.wide-label { min-width: 200px; }
.new-workflow { margin: 0 0 16px; }
fieldset { border: 1px solid #d5dbe6; border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; }
legend { font-weight: 600; padding: 0 4px; }
`
