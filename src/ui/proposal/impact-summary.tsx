import type { Impact } from "~src/domain"

/** Population-level effect, shown before any per-record detail: reviewers decide on totals first. */
export function ImpactSummary({ impact }: { impact: Impact[] | undefined }) {
  if (!impact?.length) return null
  return (
    <ul className="impact" aria-label="Impact">
      {impact.map((item, i) => (
        <li key={i}>
          <strong className="impact-value">{item.value.toLocaleString("en-US")}</strong> <span className="impact-metric">{item.metric}</span>
          {item.note && <span className="impact-note"> — {item.note}</span>}
        </li>
      ))}
    </ul>
  )
}
