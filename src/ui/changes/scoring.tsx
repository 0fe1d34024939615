import type { ScoringChange } from "~src/domain"
import { signedNumber } from "./signed-number"

/** A lead-scoring model update: each weight before → after with its delta, and the expected MQL shift. */
export function ScoringChangeView({ change }: { change: ScoringChange }) {
  return (
    <div className="change change-scoring">
      <p className="headline">
        Expected MQL volume: <strong className={change.expectedMqlShiftPct >= 0 ? "up" : "down"}>{signedNumber(change.expectedMqlShiftPct, "%")}</strong>
      </p>
      <table>
        <caption>Weight changes in {change.modelName}</caption>
        <thead>
          <tr>
            <th scope="col">Attribute</th>
            <th scope="col">Before</th>
            <th scope="col">After</th>
            <th scope="col">Change</th>
          </tr>
        </thead>
        <tbody>
          {change.weights.map((w) => (
            <tr key={w.attribute}>
              <th scope="row">{w.attribute}</th>
              <td>{w.before}</td>
              <td>{w.after}</td>
              <td className={w.after > w.before ? "up" : w.after < w.before ? "down" : ""}>{signedNumber(w.after - w.before)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}
