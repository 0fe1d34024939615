/** Options page styles, in px (SPEC §3: no rem anywhere in the extension's UI). */
export const optionsCss = `
:root { color-scheme: light; }
body { margin: 0; font: 14px/20px system-ui, -apple-system, "Segoe UI", sans-serif; color: #1d2433; background: #f4f6fa; }
main { max-width: 960px; margin: 0 auto; padding: 24px 16px 64px; }
h1 { font-size: 24px; line-height: 32px; margin: 0 0 16px; }
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
.charts { display: grid; grid-template-columns: 1fr 1fr; gap: 12px; }
.chart { min-height: 200px; }
.dialog { border: 2px solid #1d2433; border-radius: 8px; padding: 12px; margin: 12px 0 0; background: #fff; }
.visually-hidden { position: absolute; width: 1px; height: 1px; overflow: hidden; clip: rect(0 0 0 0); white-space: nowrap; }
ul.plain { list-style: none; padding: 0; margin: 0; }
ul.plain li { display: flex; gap: 8px; align-items: center; padding: 6px 0; border-bottom: 1px solid #e3e7ef; }
fieldset { border: 1px solid #d5dbe6; border-radius: 6px; margin: 0 0 12px; padding: 8px 12px; }
legend { font-weight: 600; padding: 0 4px; }
`
