import { useState } from "react"
import type { BulkChange } from "~src/domain"
import { scalarText } from "./scalar-text"

export const BULK_SAMPLE_PAGE_SIZE = 10

/** A rule applied to many records: reviewers judge the rule and the total, then check sample rows. */
export function BulkChangeView({ change, pageSize = BULK_SAMPLE_PAGE_SIZE }: { change: BulkChange; pageSize?: number }) {
  const [page, setPage] = useState(0)
  const pages = Math.max(1, Math.ceil(change.sample.length / pageSize))
  const rows = change.sample.slice(page * pageSize, (page + 1) * pageSize)
  const columns = [...new Set(change.sample.flatMap((r) => [...Object.keys(r.before), ...Object.keys(r.after)]))]
  const total = change.totalRecords.toLocaleString("en-US")
  return (
    <div className="change change-bulk">
      <dl className="facts">
        <dt>Rule</dt>
        <dd className="rule">{change.rule}</dd>
        <dt>Records affected</dt>
        <dd>
          {total} {change.objectType} records
        </dd>
      </dl>
      <table className="sample">
        <caption>
          Showing {rows.length} of {change.sample.length} sample rows of {total} records
        </caption>
        <thead>
          <tr>
            <th scope="col">Record</th>
            {columns.map((c) => (
              <th scope="col" key={c}>
                {c}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.recordId}>
              <th scope="row">{row.recordId}</th>
              {columns.map((c) => {
                const before = scalarText(row.before[c])
                const after = scalarText(row.after[c])
                return (
                  <td key={c}>
                    {before === after ? (
                      after
                    ) : (
                      <>
                        <del className="diff-removed">{before}</del> → <ins className="diff-added">{after}</ins>
                      </>
                    )}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
      {pages > 1 && (
        <nav className="pager" aria-label="Sample rows pages">
          <button type="button" onClick={() => setPage((p) => p - 1)} disabled={page === 0}>
            Previous sample page
          </button>
          <span>
            Page {page + 1} of {pages}
          </span>
          <button type="button" onClick={() => setPage((p) => p + 1)} disabled={page >= pages - 1}>
            Next sample page
          </button>
        </nav>
      )}
    </div>
  )
}
