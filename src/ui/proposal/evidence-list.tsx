import type { Evidence } from "~src/domain"

/** "What data it used": each input the agent relied on, with where it came from. */
export function EvidenceList({ evidence }: { evidence: Evidence[] }) {
  if (evidence.length === 0) return <p className="muted">The agent listed no evidence.</p>
  return (
    <dl className="evidence">
      {evidence.map((e, i) => (
        <div key={i} className="evidence-item">
          <dt>{e.label}</dt>
          <dd>
            {e.value}
            {e.source && <span className="muted"> ({e.source})</span>}
          </dd>
        </div>
      ))}
    </dl>
  )
}
