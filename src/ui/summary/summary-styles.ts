/** The daily summary's own styles (px), so it looks the same mounted in the popup or on the options page. */
export const SUMMARY_CSS = `
.daily-summary .summary-dates { display: flex; flex-wrap: wrap; align-items: center; gap: 6px; margin: 0 0 8px; }
.daily-summary .summary-dates label { font-weight: 600; font-size: 12px; }
.daily-summary .summary-workflow { border: 1px solid #d5dbe6; border-radius: 6px; padding: 6px 8px; margin: 0 0 8px; }
.daily-summary h3 { font-size: 14px; line-height: 20px; margin: 0; }
.daily-summary .summary-model { color: #4a5468; font-size: 12px; font-weight: 400; }
.daily-summary .summary-paused { color: #7d4e00; background: #fff8c5; border-radius: 8px; padding: 0 6px; font-size: 11px; margin-left: 4px; }
.daily-summary .summary-counts { list-style: none; display: flex; flex-wrap: wrap; gap: 4px 10px; padding: 0; margin: 4px 0; font-size: 12px; color: #4a5468; }
.daily-summary .summary-counts strong { color: #1d2433; }
.daily-summary h4 { font-size: 12px; margin: 6px 0 2px; }
.daily-summary .summary-items { list-style: none; padding: 0; margin: 0; }
.daily-summary .summary-item { display: flex; flex-wrap: wrap; align-items: center; gap: 4px 6px; padding: 4px 0; border-top: 1px solid #e3e7ef; }
/* The text takes the whole width and the actions go under it: beside it, in a 420px popup, the meta wrapped to four lines. */
.daily-summary .summary-item-text { flex: 1 1 100%; min-width: 0; display: flex; flex-direction: column; }
.daily-summary .summary-item-title { font-weight: 600; overflow: hidden; white-space: nowrap; text-overflow: ellipsis; }
.daily-summary .summary-item-meta { color: #4a5468; font-size: 12px; overflow-wrap: anywhere; }
.daily-summary .summary-item-state { color: #8a4b00; font-size: 12px; }
.daily-summary .summary-item-actions { display: flex; gap: 4px; flex: none; }
.daily-summary details > summary { cursor: pointer; font-size: 12px; margin: 4px 0; }
.daily-summary .summary-quiet { color: #4a5468; font-size: 12px; margin: 0 0 8px; }
.daily-summary .summary-utc { color: #4a5468; font-size: 12px; }
`
