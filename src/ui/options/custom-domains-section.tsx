import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query"
import { useId, useState, type FormEvent } from "react"
import { contentScriptFor, CustomDomainPlatform, normalizeHost, originPatternFor, scriptIdFor, type CustomDomain } from "~src/domain/custom-domains"
import { z } from "zod"
import { ServerCustomDomain } from "~src/domain/custom-domains"
import { platformLabel } from "~src/platforms"
import { errorText, queryKeys, useAsk } from "~src/ui/query-client"
import { apiCall, apiGetJson } from "./api-call"
import { extensionCustomDomainBrowser, type CustomDomainBrowser } from "./custom-domain-browser"
import { useMe } from "~src/ui/background-queries"

interface AddRequest {
  domain: CustomDomain
  js: string[]
  css: string[]
  /** Started inside the click: Chrome grants optional permissions only during a user gesture. */
  permission: Promise<boolean>
}

/**
 * Hosts where a platform lives on the customer's own domain. Adding one asks for the optional
 * host permission and registers that platform's content script there; removing undoes both.
 * That part is local to this browser, so any reviewer may do it. The server keeps its own list
 * (agents' target URLs on a custom domain are accepted only once it is there): an admin's add or
 * remove updates it too, and each row says whether the server knows the host.
 */
export function CustomDomainsSection({ browser = extensionCustomDomainBrowser() }: { browser?: CustomDomainBrowser }) {
  const client = useQueryClient()
  const ask = useAsk()
  const me = useMe()
  const isAdmin = me.data?.role === "admin"
  const onServer = useQuery({
    queryKey: [...queryKeys.customDomains, "server"],
    queryFn: () => apiGetJson(ask, "/v1/custom-domains", z.array(ServerCustomDomain)),
    retry: false
  })
  const serverPath = (host: string) => `/v1/custom-domains/${encodeURIComponent(host)}`
  const [hostInput, setHostInput] = useState("")
  const [platform, setPlatform] = useState<CustomDomainPlatform>("marketo")
  const [invalid, setInvalid] = useState<string | null>(null)
  const id = useId()
  const domains = useQuery({ queryKey: queryKeys.customDomains, queryFn: () => browser.readDomains() })

  const add = useMutation({
    mutationFn: async ({ domain, js, css, permission }: AddRequest) => {
      if (!(await permission)) throw new Error(`Access to ${domain.host} was not granted, so Signoff cannot run there.`)
      const origin = originPatternFor(domain.host)
      try {
        await browser.registerScript({ id: domain.scriptId, matches: [origin], js, css })
      } catch (error) {
        await browser.removeOrigin(origin) // don't keep a permission we can't use
        throw error
      }
      const current = await browser.readDomains()
      await browser.writeDomains([...current.filter((d) => d.host !== domain.host), domain])
      if (isAdmin) await apiCall(ask, "PUT", serverPath(domain.host), { platform: domain.platform })
    },
    onSuccess: () => {
      setHostInput("")
      void client.invalidateQueries({ queryKey: queryKeys.customDomains })
    }
  })

  const remove = useMutation({
    mutationFn: async (domain: CustomDomain) => {
      await browser.unregisterScript(domain.scriptId)
      await browser.removeOrigin(originPatternFor(domain.host))
      await browser.writeDomains((await browser.readDomains()).filter((d) => d.host !== domain.host))
      if (isAdmin && onServer.data?.some((d) => d.host === domain.host)) await apiCall(ask, "DELETE", serverPath(domain.host))
    },
    onSettled: () => client.invalidateQueries({ queryKey: queryKeys.customDomains })
  })

  function onAdd(event: FormEvent) {
    event.preventDefault()
    const host = normalizeHost(hostInput)
    if (!host) return setInvalid("Enter a host name such as go.example.com (no wildcards or IP addresses).")
    if (domains.data?.some((d) => d.host === host)) return setInvalid(`${host} is already added.`)
    const script = contentScriptFor(platform, browser.manifestContentScripts())
    if (!script) return setInvalid(`This build of Signoff has no ${platformLabel(platform)} content script to run on ${host}.`)
    setInvalid(null)
    // Must be the first thing the click does, before any await (user-gesture requirement).
    const permission = browser.requestOrigin(originPatternFor(host))
    add.mutate({
      domain: { host, platform, scriptId: scriptIdFor(host), addedAt: new Date().toISOString() },
      js: script.js,
      css: script.css,
      permission
    })
  }

  return (
    <section aria-labelledby="domains-heading" className="card">
      <h2 id="domains-heading">Custom domains</h2>
      <p className="hint">
        For a Marketo custom domain or a Salesforce My Domain: Signoff asks for access to that host and runs the platform's panel there.{" "}
        {isAdmin ? "As an admin, adding one also registers it on the server, so agents may link to it." : ""}
      </p>
      <form onSubmit={onAdd} noValidate className="field-inline">
        <label htmlFor={`${id}-host`}>Host</label>
        <input id={`${id}-host`} type="text" placeholder="go.example.com" value={hostInput} onChange={(e) => setHostInput(e.target.value)} />
        <label htmlFor={`${id}-platform`}>Platform</label>
        <select id={`${id}-platform`} value={platform} onChange={(e) => setPlatform(CustomDomainPlatform.parse(e.target.value))}>
          {CustomDomainPlatform.options.map((p) => (
            <option key={p} value={p}>
              {platformLabel(p)}
            </option>
          ))}
        </select>
        <button type="submit" disabled={add.isPending}>
          Add domain
        </button>
      </form>
      {domains.data && domains.data.length > 0 ? (
        <ul className="plain" aria-label="Custom domains">
          {domains.data.map((d) => (
            <li key={d.host}>
              <span>
                <strong>{d.host}</strong> · {platformLabel(d.platform)}
                {onServer.data && (
                  <span className="muted">
                    {" "}
                    ·{" "}
                    {onServer.data.some((s) => s.host === d.host && s.platform === d.platform)
                      ? "registered on the server"
                      : "not registered on the server: agents' links to it are refused until an admin adds it"}
                  </span>
                )}
              </span>
              <button type="button" className="secondary" aria-label={`Remove ${d.host}`} disabled={remove.isPending} onClick={() => remove.mutate(d)}>
                Remove
              </button>
            </li>
          ))}
        </ul>
      ) : (
        domains.isSuccess && <p>No custom domains.</p>
      )}
      {(invalid || add.isError || remove.isError || domains.isError) && (
        <p role="alert" className="error">
          {invalid ??
            (add.isError
              ? `Could not add: ${errorText(add.error)}`
              : remove.isError
                ? `Could not remove: ${errorText(remove.error)}`
                : `Could not read custom domains: ${errorText(domains.error)}`)}
        </p>
      )}
    </section>
  )
}
