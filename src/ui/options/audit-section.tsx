import { useMutation } from "@tanstack/react-query"
import { useId, useState } from "react"
import { AuditVerifyResult } from "~src/domain/audit"
import { errorText, useAsk } from "~src/ui/query-client"
import { adminGate } from "./admin-gate"
import { apiGetJson, apiGetText } from "./api-call"
import { auditFileName, auditQuery } from "./audit-range"
import { downloadFile } from "./download-file"
import { useMe } from "~src/ui/background-queries"

type Format = "jsonl" | "csv"
const MIME: Record<Format, string> = { jsonl: "application/x-ndjson", csv: "text/csv" }

/** Export the audit log for a date range and verify its hash chain (admin endpoints: reviewers see why they can't). */
export function AuditSection({ saveFile = downloadFile }: { saveFile?: typeof downloadFile }) {
  const ask = useAsk()
  const gate = adminGate(useMe())
  const [fromDay, setFromDay] = useState("")
  const [toDay, setToDay] = useState("")
  const id = useId()
  const rangeInvalid = Boolean(fromDay && toDay && fromDay > toDay)

  const exportLog = useMutation({
    mutationFn: async (format: Format) => {
      const text = await apiGetText(ask, auditQuery(format, fromDay, toDay))
      const fileName = auditFileName(format, fromDay, toDay)
      saveFile(fileName, text, MIME[format])
      return { fileName, bytes: new Blob([text]).size }
    }
  })
  const verify = useMutation({ mutationFn: () => apiGetJson(ask, "/v1/audit/verify", AuditVerifyResult) })

  return (
    <section aria-labelledby="audit-heading" className="card">
      <h2 id="audit-heading">Audit log</h2>
      {!gate.canEdit && <p className="readonly-note">{gate.reason}</p>}
      <div className="field-inline">
        <label htmlFor={`${id}-from`}>From</label>
        <input id={`${id}-from`} type="date" value={fromDay} onChange={(e) => setFromDay(e.target.value)} />
        <label htmlFor={`${id}-to`}>To</label>
        <input id={`${id}-to`} type="date" value={toDay} onChange={(e) => setToDay(e.target.value)} />
      </div>
      <div className="actions">
        <button type="button" disabled={!gate.canEdit || rangeInvalid || exportLog.isPending} onClick={() => exportLog.mutate("jsonl")}>
          Download JSONL
        </button>
        <button type="button" disabled={!gate.canEdit || rangeInvalid || exportLog.isPending} onClick={() => exportLog.mutate("csv")}>
          Download CSV
        </button>
        <button type="button" className="secondary" disabled={!gate.canEdit || verify.isPending} onClick={() => verify.mutate()}>
          Verify chain
        </button>
      </div>
      <div role="status" aria-live="polite" className="status-line">
        {exportLog.isPending && <p>Exporting…</p>}
        {exportLog.isSuccess && (
          <p>
            Downloaded {exportLog.data.fileName} ({exportLog.data.bytes.toLocaleString("en-US")} bytes).
          </p>
        )}
        {verify.isPending && <p>Verifying…</p>}
        {verify.isSuccess && verify.data.ok && <p className="verify-ok">Chain intact: {verify.data.entries.toLocaleString("en-US")} entries verified.</p>}
      </div>
      {(rangeInvalid || exportLog.isError || verify.isError || (verify.isSuccess && !verify.data.ok)) && (
        <p role="alert" className="error">
          {rangeInvalid
            ? "The start date is after the end date."
            : exportLog.isError
              ? `Export failed: ${errorText(exportLog.error)}`
              : verify.isError
                ? `Could not verify: ${errorText(verify.error)}`
                : verify.data && !verify.data.ok
                  ? `Chain broken at entry ${verify.data.firstBroken?.seq ?? "?"}: ${verify.data.firstBroken?.reason ?? "unknown reason"} (${verify.data.entries.toLocaleString("en-US")} entries checked).`
                  : null}
        </p>
      )}
    </section>
  )
}
