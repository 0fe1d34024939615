/**
 * A <select>'s value as one of the list its options were built from (zod-free: these controls are
 * in the popup's first chunk). Anything else is a bug, not input to forgive.
 */
export function listedValue<T extends string>(list: readonly T[], value: string): T {
  const found = list.find((item) => item === value)
  if (found === undefined) throw new Error(`"${value}" is not one of the options offered`)
  return found
}
