/** Popup styles, in px, like the rest of the extension. The popup is a fixed 420px wide toolbar window. */
export const popupCss = `
body { margin: 0; width: 420px; font: 13px/18px system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; background: #fff; }
.popup { padding: 12px; }
.popup-header { display: flex; justify-content: space-between; align-items: center; margin: 0 0 8px; }
h1 { font-size: 18px; line-height: 24px; margin: 0; }
h2 { font-size: 15px; line-height: 20px; margin: 8px 0; }
button { font: inherit; padding: 4px 10px; border-radius: 4px; border: 1px solid #1f4fd1; background: #1f4fd1; color: #fff; cursor: pointer; }
button.secondary { background: #fff; color: #1f4fd1; }
button.danger { background: #b42318; border-color: #b42318; color: #fff; }
button.small { padding: 2px 8px; font-size: 12px; }
button:disabled { opacity: 0.6; cursor: not-allowed; }
button:focus-visible, select:focus-visible, input:focus-visible { outline: 2px solid #1f4fd1; outline-offset: 1px; }
select, input { font: inherit; padding: 2px 4px; border: 1px solid #8a94a6; border-radius: 4px; }
.sync { display: flex; justify-content: space-between; align-items: center; gap: 8px; padding: 6px 8px; border-radius: 4px; margin: 0 0 8px; }
.sync-ok { background: #eef3fd; }
.sync-warn { background: #fff7e6; }
.sync-error { background: #fdf0ee; }
.queue-summary p { margin: 0 0 6px; }
.total strong { font-size: 20px; }
.tiers, .workflows { list-style: none; display: flex; flex-wrap: wrap; gap: 6px; padding: 0; margin: 0 0 6px; }
.tiers li, .workflows li { border: 1px solid #d5dbe6; border-radius: 12px; padding: 1px 8px; display: flex; gap: 6px; }
.oldest { color: #4a5468; }
.filters { display: grid; grid-template-columns: repeat(3, 1fr); grid-auto-flow: column; grid-template-rows: auto auto; gap: 2px 8px; margin: 8px 0; }
.filters label { font-weight: 600; font-size: 12px; }
.filters select { min-width: 0; }
.list-toolbar { display: flex; justify-content: space-between; align-items: flex-start; gap: 8px; margin: 0 0 6px; }
.hint { color: #4a5468; font-size: 12px; }
.queue { list-style: none; }
.row { display: flex; align-items: center; gap: 6px; border-bottom: 1px solid #e3e7ef; box-sizing: border-box; padding: 0 4px; }
.row.selected { background: #eef3fd; box-shadow: inset 3px 0 0 #1f4fd1; }
.row.conflict { background: #fdf0ee; }
.row-open { flex: 1; min-width: 0; display: flex; flex-direction: column; align-items: flex-start; text-align: left; background: transparent; color: #1d2433; border: 0; padding: 4px; }
.row-title, .row-meta, .row-local { max-width: 100%; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.row-title { font-weight: 600; }
.row-meta { color: #4a5468; font-size: 12px; }
.row-local { color: #8a4b00; font-size: 12px; }
.quick-approve { flex: none; }
.dialog { border: 2px solid #1d2433; border-radius: 6px; padding: 8px; margin: 6px 0; display: flex; flex-direction: column; gap: 4px; background: #fff; }
.dialog-title { font-weight: 600; margin: 0; }
.dialog > p { margin: 0; }
.actions { display: flex; gap: 6px; margin: 6px 0 0; }
.error { color: #b42318; }
.notice { background: #fff7e6; padding: 4px 8px; border-radius: 4px; }
.empty { color: #4a5468; padding: 12px 0; }
.bulk { display: flex; flex-direction: column; align-items: flex-end; gap: 4px; }
.bulk p { margin: 0; }
.proposal-detail .back { margin: 0 0 8px; }
.screens { display: flex; gap: 2px; margin: 0 0 8px; border-bottom: 1px solid #d5dbe6; }
.screen-tab { background: #fff; color: #1f4fd1; border: 0; border-bottom: 2px solid transparent; border-radius: 0; padding: 4px 8px; font-size: 12px; }
.screen-tab.current { color: #1d2433; border-bottom-color: #1f4fd1; font-weight: 600; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
.screen-tab .count { background: #b42318; color: #fff; border-radius: 8px; padding: 0 5px; margin-left: 4px; font-size: 11px; }
button.link { background: none; border: 0; color: #1f4fd1; padding: 0; text-align: left; }
.muted { color: #4a5468; }
.deadline.urgent { color: #b42318; font-weight: 600; }
.opt-in { display: flex; align-items: center; gap: 6px; margin: 0 0 8px; }
.escalation-list { list-style: none; padding: 0; margin: 0; }
.escalation { border-bottom: 1px solid #e3e7ef; }
.escalation.reminder-due { box-shadow: inset 3px 0 0 #b42318; }
.escalation .row-open { width: 100%; }
/* Why it is escalated is the point of this list: wrap it rather than cut it off. */
.escalation .row-meta { white-space: normal; }
.tier-list { list-style: none; padding: 0; margin: 0; }
.tier-row { border: 1px solid #d5dbe6; border-radius: 6px; padding: 6px 8px; margin: 0 0 8px; }
.tier-row h3 { font-size: 14px; line-height: 20px; margin: 0 0 4px; }
.paused-badge { color: #7d4e00; background: #fff8c5; border-radius: 8px; padding: 0 6px; font-size: 11px; font-weight: 400; margin-left: 6px; }
.tier-facts { display: grid; grid-template-columns: 80px 1fr; gap: 2px 8px; margin: 0; font-size: 12px; }
.tier-facts dt { color: #4a5468; }
.tier-facts dd { margin: 0; }
.tier-controls { display: flex; align-items: center; gap: 6px; margin: 6px 0 0; font-size: 12px; }
.tier-controls label { font-weight: 600; }
`
