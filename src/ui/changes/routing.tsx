import type { RoutingChange } from "~src/domain"

/** A lead routing decision: who gets it, who else was considered, and why a human is asked. */
export function RoutingChangeView({ change }: { change: RoutingChange }) {
  const alternatives = [...change.alternatives].sort((a, b) => b.score - a.score)
  return (
    <div className="change change-routing">
      <dl className="facts">
        <dt>Route to</dt>
        <dd className="chosen">{change.chosen.name}</dd>
        {change.escalationReason && (
          <>
            <dt>Why it needs you</dt>
            <dd className="escalation">{change.escalationReason}</dd>
          </>
        )}
      </dl>
      {alternatives.length > 0 && (
        <table>
          <caption>Alternatives considered</caption>
          <thead>
            <tr>
              <th scope="col">Owner or queue</th>
              <th scope="col">Score</th>
            </tr>
          </thead>
          <tbody>
            {alternatives.map((a) => (
              <tr key={a.id}>
                <th scope="row">{a.name}</th>
                <td>{a.score.toLocaleString("en-US", { maximumFractionDigits: 2 })}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  )
}
