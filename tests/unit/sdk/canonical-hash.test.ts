import { describe, expect, it } from "vitest"
import { SignoffApiError, canonicalHash, outcomeOf } from "~sdk/src"
import type { Change, Proposal } from "~src/domain"
import { sha256Hex } from "~server/hashing"

const changes: Change[] = [
  { kind: "content", field: "subject", format: "text", before: "A", after: "B — ünïcode ✓" },
  {
    kind: "fields",
    changes: [
      { field: "jobtitle", before: null, after: "VP" },
      { field: "score", before: 1, after: 2.5 }
    ]
  },
  { kind: "routing", chosen: { id: "q1", name: "EMEA" }, alternatives: [{ id: "q2", name: "US", score: 0.4 }] }
]

describe("canonicalHash", () => {
  it("is sha256 of the change's JSON with keys sorted at every depth (what the server binds approvals to)", () => {
    const canonical = [
      '{"after":"B — ünïcode ✓","before":"A","field":"subject","format":"text","kind":"content"}',
      '{"changes":[{"after":"VP","before":null,"field":"jobtitle"},{"after":2.5,"before":1,"field":"score"}],"kind":"fields"}',
      '{"alternatives":[{"id":"q2","name":"US","score":0.4}],"chosen":{"id":"q1","name":"EMEA"},"kind":"routing"}'
    ]
    changes.forEach((change, i) => expect(canonicalHash(change)).toBe(sha256Hex(canonical[i]!)))
  })

  it("does not depend on key order", () => {
    const reordered = { after: "B", before: "A", format: "text", field: "subject", kind: "content" } as Change
    expect(canonicalHash(reordered)).toBe(canonicalHash({ kind: "content", field: "subject", format: "text", before: "A", after: "B" }))
  })
})

describe("an approved outcome", () => {
  const change = changes[0]!
  const approved = (contentHash: string): Proposal => ({ id: "01P", status: "approved", change, contentHash, decisions: [], version: 2 }) as unknown as Proposal

  it("carries the change to apply with its hash when they agree", () => {
    expect(outcomeOf(approved(canonicalHash(change)))).toMatchObject({ status: "approved", change, contentHash: canonicalHash(change) })
  })

  it("is refused when the approved hash is not the change's: nothing that was not approved is handed to the agent", () => {
    expect(() => outcomeOf(approved("0".repeat(64)))).toThrow(SignoffApiError)
  })
})
