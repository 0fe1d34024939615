/** "+5", "−3", "0": deltas read at a glance, with a real minus sign. */
export function signedNumber(value: number, suffix = ""): string {
  const rounded = Math.round(value * 100) / 100
  if (rounded > 0) return `+${rounded.toLocaleString("en-US")}${suffix}`
  if (rounded < 0) return `−${Math.abs(rounded).toLocaleString("en-US")}${suffix}`
  return `0${suffix}`
}
