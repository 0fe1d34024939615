import browser from "webextension-polyfill"
import { CUSTOM_DOMAINS_KEY, CustomDomainList, type CustomDomain } from "~src/domain/custom-domains"

/** The browser APIs the custom-domain section needs; injectable so tests can fake them. */
export interface CustomDomainBrowser {
  requestOrigin(origin: string): Promise<boolean>
  removeOrigin(origin: string): Promise<boolean>
  registerScript(script: { id: string; matches: string[]; js: string[]; css: string[] }): Promise<void>
  unregisterScript(id: string): Promise<void>
  manifestContentScripts(): { matches?: string[]; js?: string[]; css?: string[] }[] | undefined
  readDomains(): Promise<CustomDomain[]>
  writeDomains(domains: CustomDomain[]): Promise<void>
}

export function extensionCustomDomainBrowser(): CustomDomainBrowser {
  return {
    requestOrigin: (origin) => browser.permissions.request({ origins: [origin] }),
    removeOrigin: (origin) => browser.permissions.remove({ origins: [origin] }),
    registerScript: (script) =>
      browser.scripting.registerContentScripts([
        // persistAcrossSessions: the registration survives browser restarts, like a manifest entry.
        { ...script, runAt: "document_idle", persistAcrossSessions: true }
      ]),
    async unregisterScript(id) {
      const existing = await browser.scripting.getRegisteredContentScripts({ ids: [id] })
      if (existing.length > 0) await browser.scripting.unregisterContentScripts({ ids: [id] })
    },
    manifestContentScripts: () => browser.runtime.getManifest().content_scripts,
    async readDomains() {
      const stored = await browser.storage.local.get(CUSTOM_DOMAINS_KEY)
      const parsed = CustomDomainList.safeParse(stored[CUSTOM_DOMAINS_KEY] ?? [])
      return parsed.success ? parsed.data : []
    },
    writeDomains: (domains) => browser.storage.local.set({ [CUSTOM_DOMAINS_KEY]: domains })
  }
}
