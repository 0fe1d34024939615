import { useMutation } from "@tanstack/react-query"
import { DailySummary } from "~src/ui/summary/daily-summary"
import { errorText, useAsk } from "~src/ui/query-client"
import { apiGetText } from "./api-call"
import type { SectionProps } from "./console-sections"
import { downloadFile } from "./download-file"

/**
 * The monitor model's daily review on the options page: the same summary as the popup's (what ran,
 * escalations, the spot-check sample with Revert and Pause workflow), plus the day's report as a
 * CSV file to keep or forward (GET /v1/summary?format=csv).
 */
export function DailySummarySection({ saveFile = downloadFile }: SectionProps) {
  const ask = useAsk()
  const report = useMutation({
    mutationFn: async (date: string) => {
      const fileName = `signoff-summary-${date}.csv`
      saveFile(fileName, await apiGetText(ask, `/v1/summary?date=${date}&format=csv`), "text/csv")
      return fileName
    }
  })
  return (
    <div className="card">
      <DailySummary
        dayActions={(date) => (
          <div className="summary-report">
            <button type="button" className="secondary" disabled={report.isPending} onClick={() => report.mutate(date)}>
              Download the day's report (CSV)
            </button>
            <span role="status" aria-live="polite">
              {report.isSuccess && `Saved ${report.data}.`}
              {report.isError && `Could not export the report: ${errorText(report.error)}`}
            </span>
          </div>
        )}
      />
    </div>
  )
}
