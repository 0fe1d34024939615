import type { RiskFlags } from "~src/domain"

export const RISK_FLAG_LABELS: Record<keyof RiskFlags, string> = {
  customerData: "Customer data",
  writesProduction: "Writes to production",
  customerFacing: "Customer-facing",
  bulk: "Bulk change",
  edgeCase: "Edge case"
}

export function RiskFlagList({ risk }: { risk: RiskFlags | undefined }) {
  const raised = (Object.keys(RISK_FLAG_LABELS) as Array<keyof RiskFlags>).filter((k) => risk?.[k])
  if (raised.length === 0) return null
  return (
    <ul className="risk-flags" aria-label="Risk flags">
      {raised.map((k) => (
        <li key={k} className="badge risk">
          {RISK_FLAG_LABELS[k]}
        </li>
      ))}
    </ul>
  )
}
