import { isConfigured, readMeta, readSettings, type SignoffDatabase } from "~src/db"
import { serverOrigin, type Account } from "~src/domain"

/** sha256 of the token, hex: identifies it without keeping a copy. */
export async function tokenKeyOf(token: string): Promise<string> {
  const digest = await crypto.subtle.digest("SHA-256", new TextEncoder().encode(token))
  return [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("")
}

/** The account connected now (server, and who /v1/me said the token is), or null when not configured. */
export async function currentAccount(db: SignoffDatabase): Promise<Account | null> {
  const [settings, me] = await Promise.all([readSettings(db), readMeta(db, "me")])
  if (!isConfigured(settings)) return null
  return { server: serverOrigin(settings.serverUrl), principalId: me?.principalId ?? null, name: me?.name ?? null, tokenKey: await tokenKeyOf(settings.token) }
}
