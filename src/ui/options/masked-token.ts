/** "••••3f2a": enough for an admin to recognise which token is stored, never the token. */
export function maskedToken(hint: string | null): string {
  return hint ? `••••${hint}` : "••••"
}
