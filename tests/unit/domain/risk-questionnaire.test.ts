import { describe, expect, it } from "vitest"
import { DEFAULT_BULK_THRESHOLD, recommendOversight, type RiskAnswers } from "~src/domain/risk-questionnaire"

const NONE: RiskAnswers = {
  touchesCustomerData: false,
  writesProduction: false,
  customerFacing: false,
  recordsPerRun: 1,
  bulkThreshold: DEFAULT_BULK_THRESHOLD,
  changesScoringOrLaunches: false
}

describe("risk questionnaire", () => {
  it.each([
    ["writes to production", { writesProduction: true }, /writes to production/],
    ["is customer-facing", { customerFacing: true }, /customer-facing/],
    ["changes scoring or launches campaigns", { changesScoringOrLaunches: true }, /scoring model or launches/],
    ["runs in bulk over the limit", { recordsPerRun: 5_000 }, /5,000 records per run, more than the bulk limit of 1,000/]
  ] as const)("starts a touchpoint that %s at approve, saying why", (_name, answer, reason) => {
    const result = recommendOversight({ ...NONE, ...answer })
    expect(result.model).toBe("approve")
    expect(result.reasons).toHaveLength(1)
    expect(result.reasons[0]).toMatch(reason)
  })

  it("gives one reason per high-risk trait, in the questionnaire's order", () => {
    const result = recommendOversight({
      ...NONE,
      writesProduction: true,
      customerFacing: true,
      recordsPerRun: 2_000,
      changesScoringOrLaunches: true,
      touchesCustomerData: true
    })
    expect(result.model).toBe("approve")
    expect(result.reasons.map((r) => r.split(":")[0])).toEqual([
      "It writes to production systems",
      "It is customer-facing",
      "It changes 2,000 records per run, more than the bulk limit of 1,000",
      "It changes a scoring model or launches campaigns",
      "It touches customer data"
    ])
  })

  it("treats exactly the bulk limit as not bulk", () => {
    expect(recommendOversight({ ...NONE, recordsPerRun: 1_000 }).model).toBe("monitor")
    expect(recommendOversight({ ...NONE, recordsPerRun: 1_001 }).model).toBe("approve")
  })

  it("honours an admin's own bulk limit", () => {
    expect(recommendOversight({ ...NONE, recordsPerRun: 200, bulkThreshold: 100 }).model).toBe("approve")
  })

  it("recommends monitor for customer data that is only read, explaining the logging", () => {
    const result = recommendOversight({ ...NONE, touchesCustomerData: true })
    expect(result.model).toBe("monitor")
    expect(result.reasons.join(" ")).toMatch(/touches customer data/)
  })

  it("never starts a touchpoint at exception-based review, even with no risk at all", () => {
    const result = recommendOversight(NONE)
    expect(result.model).toBe("monitor")
    expect(result.reasons.at(-1)).toMatch(/loosening advisor/)
  })
})
