import { describe, expect, it } from "vitest"
import { canonicalJson } from "~src/domain/canonical-json"

describe("canonicalJson", () => {
  it("sorts object keys at every depth", () => {
    expect(canonicalJson({ b: 1, a: { d: [3, { z: 1, y: 2 }], c: null } })).toBe('{"a":{"c":null,"d":[3,{"y":2,"z":1}]},"b":1}')
  })

  it("gives the same string for objects that differ only in key order", () => {
    expect(canonicalJson({ kind: "content", after: "x", before: "y" })).toBe(canonicalJson({ before: "y", kind: "content", after: "x" }))
  })

  it("keeps array order, which is meaningful", () => {
    expect(canonicalJson([2, 1])).not.toBe(canonicalJson([1, 2]))
  })

  it("drops undefined members like JSON.stringify, and writes undefined array items as null", () => {
    expect(canonicalJson({ a: undefined, b: 1 })).toBe('{"b":1}')
    expect(canonicalJson([undefined, 1])).toBe("[null,1]")
  })

  it("escapes strings as JSON does", () => {
    expect(canonicalJson({ 'quote"key': "line\nbreak \u2028" })).toBe(JSON.stringify({ 'quote"key': "line\nbreak \u2028" }))
  })

  it("refuses values with no JSON form instead of hashing them as null", () => {
    expect(() => canonicalJson(Number.NaN)).toThrow(/non-finite/)
    expect(() => canonicalJson({ x: Number.POSITIVE_INFINITY })).toThrow(/non-finite/)
    expect(() => canonicalJson(10n)).toThrow(/bigint/)
    expect(() => canonicalJson(undefined)).toThrow(/not representable/)
  })

  it("writes dates as ISO strings", () => {
    expect(canonicalJson({ at: new Date("2026-01-02T03:04:05.000Z") })).toBe('{"at":"2026-01-02T03:04:05.000Z"}')
  })
})
