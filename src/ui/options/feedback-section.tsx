import { useMutation } from "@tanstack/react-query"
import { useId, useState } from "react"
import { errorText, useAsk } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { apiGetText } from "./api-call"
import { downloadFile } from "./download-file"
import { feedbackFileName, feedbackQuery, jsonlRecords } from "./feedback-export"
import { useMe, useWorkflows } from "~src/ui/background-queries"

/**
 * The learning loop's export for the AI team (GET /v1/feedback, admin): one JSON line per proposal
 * a person decided — what the agent proposed and on what evidence, the outcome, the reason, and
 * for edits both versions (a preference pair).
 */
export function FeedbackSection({ saveFile = downloadFile }: { saveFile?: typeof downloadFile }) {
  const ask = useAsk()
  const gate = adminGate(useMe())
  const workflows = useWorkflows()
  const [workflowId, setWorkflowId] = useState("")
  const [sinceDay, setSinceDay] = useState("")
  const id = useId()

  const exportFeedback = useMutation({
    mutationFn: async () => {
      const text = await apiGetText(ask, feedbackQuery(workflowId, sinceDay))
      const fileName = feedbackFileName(workflowId, sinceDay)
      saveFile(fileName, text, "application/x-ndjson")
      return { fileName, records: jsonlRecords(text) }
    }
  })

  return (
    <section aria-labelledby="feedback-heading" className="card">
      <h2 id="feedback-heading">Feedback for the AI team</h2>
      <p className="hint">
        Every proposal a person decided, one JSON line each: the proposal (change, evidence, confidence), the outcome, the reason code and text, every judgment
        with its review time, and for edits the agent's and the reviewer's versions.
      </p>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      <div className="field-inline">
        <label htmlFor={`${id}-workflow`}>Workflow</label>
        <select id={`${id}-workflow`} value={workflowId} onChange={(e) => setWorkflowId(e.target.value)}>
          <option value="">All workflows</option>
          {workflows.data?.map((w) => (
            <option key={w.id} value={w.id}>
              {w.name}
            </option>
          ))}
        </select>
        <label htmlFor={`${id}-since`}>Decided since</label>
        <input id={`${id}-since`} type="date" value={sinceDay} onChange={(e) => setSinceDay(e.target.value)} />
      </div>
      <button type="button" disabled={!gate.canEdit || exportFeedback.isPending} onClick={() => exportFeedback.mutate()}>
        Download feedback (JSONL)
      </button>
      <div role="status" aria-live="polite" className="status-line">
        {exportFeedback.isPending && <p>Exporting…</p>}
        {exportFeedback.isSuccess && (
          <p>
            Downloaded {exportFeedback.data.fileName} ({exportFeedback.data.records.toLocaleString("en-US")} decided proposals).
          </p>
        )}
      </div>
      {exportFeedback.isError && (
        <p role="alert" className="error">
          Export failed: {errorText(exportFeedback.error)}
        </p>
      )}
    </section>
  )
}
