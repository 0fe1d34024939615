import { z } from "zod"
import { matchesAnyPattern } from "~src/platforms/match-pattern"
import { platformById } from "~src/platforms"
import { Platform } from "./platform"

/**
 * Custom domains: a platform served on the customer's own host (a Marketo custom domain,
 * a Salesforce My Domain). The options page stores the list in chrome.storage.local under
 * CUSTOM_DOMAINS_KEY (not secret) and registers the platform's content script there.
 */
export const CUSTOM_DOMAINS_KEY = "customDomains"

export const CustomDomainPlatform = Platform.exclude(["other"])
export type CustomDomainPlatform = z.infer<typeof CustomDomainPlatform>

export const CustomDomain = z.object({
  host: z.string().min(1).max(253),
  platform: CustomDomainPlatform,
  /** The id given to chrome.scripting.registerContentScripts, to unregister it later. */
  scriptId: z.string(),
  addedAt: z.string()
})
export type CustomDomain = z.infer<typeof CustomDomain>
export const CustomDomainList = z.array(CustomDomain)

const LABEL = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/

/**
 * What the admin typed ("https://Go.Example.com/lp/1", "go.example.com") → a bare lower-case
 * host, or null when it is not a host Chrome can grant (wildcards, IPs, single labels).
 */
export function normalizeHost(input: string): string | null {
  const trimmed = input.trim().toLowerCase()
  if (!trimmed) return null
  let host: string
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//.test(trimmed) ? trimmed : `https://${trimmed}`).hostname
  } catch {
    return null
  }
  const labels = host.split(".")
  if (labels.length < 2 || !labels.every((l) => LABEL.test(l))) return null
  if (/^\d+$/.test(labels.at(-1)!)) return null
  return host
}

/** The optional host permission to request: the platforms are all served over https. */
export function originPatternFor(host: string): string {
  return `https://${host}/*`
}

export function scriptIdFor(host: string): string {
  return `signoff-custom-${host}`
}

interface ManifestContentScript {
  matches?: string[]
  js?: string[]
  css?: string[]
}

/**
 * The built content script(s) for a platform, read from the manifest: built names are hashed
 * (`hubspot.e3c98100.js`), so we find the entry declared with the platform's own match patterns.
 */
export function contentScriptFor(
  platform: CustomDomainPlatform,
  contentScripts: readonly ManifestContentScript[] | undefined
): { js: string[]; css: string[] } | null {
  const own = platformById(platform)?.matches ?? []
  const entry = (contentScripts ?? []).find((c) => (c.js?.length ?? 0) > 0 && (c.matches?.length ?? 0) > 0 && c.matches!.every((m) => own.includes(m)))
  return entry ? { js: entry.js!, css: entry.css ?? [] } : null
}

/** Is this host one of a built-in platform's (then it needs no custom-domain registration)? */
export const isBuiltInHost = (host: string): boolean =>
  Platform.options.some((id) => platformById(id)?.isHost(host) || matchesAnyPattern(`https://${host}/`, platformById(id)?.matches ?? []))

/** A custom domain as the server knows it: agents' target URLs on it are accepted for its platform. */
export const ServerCustomDomain = z.object({
  host: z.string(),
  platform: CustomDomainPlatform,
  createdAt: z.iso.datetime({ offset: true })
})
export type ServerCustomDomain = z.infer<typeof ServerCustomDomain>

/** PUT /v1/custom-domains/:host body (admin). */
export const CustomDomainUpsert = z.strictObject({ platform: CustomDomainPlatform })

/** `:host` path parameter: a bare lower-case host name (normalizeHost's output). */
export const CustomDomainHost = z
  .string()
  .max(253)
  .refine((host) => normalizeHost(host) === host, "a bare lower-case host name such as go.example.com")
