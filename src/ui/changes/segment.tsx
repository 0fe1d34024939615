import type { SegmentChange } from "~src/domain"

/** A dynamic segment definition: who is in it, how many, whom it collides with, what compliance said. */
export function SegmentChangeView({ change }: { change: SegmentChange }) {
  const size = change.estimatedSize
  return (
    <div className="change change-segment">
      <dl className="facts">
        <dt>Segment</dt>
        <dd>{change.name}</dd>
        <dt>Criteria</dt>
        <dd>
          <pre className="criteria">{change.criteria}</pre>
        </dd>
        <dt>Estimated size</dt>
        <dd>{size.toLocaleString("en-US")} records</dd>
      </dl>
      {change.overlaps.length > 0 ? (
        <table>
          <caption>Overlaps with existing segments</caption>
          <thead>
            <tr>
              <th scope="col">Segment</th>
              <th scope="col">Shared records</th>
              <th scope="col">Share of new segment</th>
            </tr>
          </thead>
          <tbody>
            {change.overlaps.map((o) => (
              <tr key={o.segmentId}>
                <th scope="row">{o.name || o.segmentId}</th>
                <td>{o.sharedCount.toLocaleString("en-US")}</td>
                <td>{size > 0 ? `${Math.round((o.sharedCount / size) * 100)}%` : "—"}</td>
              </tr>
            ))}
          </tbody>
        </table>
      ) : (
        <p className="muted">No overlap with existing segments.</p>
      )}
      {change.complianceNotes.length > 0 && (
        <section className="compliance" aria-label="Compliance notes">
          <h4>Compliance notes</h4>
          <ul>
            {change.complianceNotes.map((note, i) => (
              <li key={i}>{note}</li>
            ))}
          </ul>
        </section>
      )}
    </div>
  )
}
