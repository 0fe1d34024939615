/**
 * Chrome match patterns (`https://*.hubspot.com/*`, `<all_urls>`), as in the manifest's
 * content_scripts and chrome.scripting.registerContentScripts.
 * https://developer.chrome.com/docs/extensions/develop/concepts/match-patterns
 */
export function matchesPattern(url: string, pattern: string): boolean {
  let parsed: URL
  try {
    parsed = new URL(url)
  } catch {
    return false
  }
  const scheme = parsed.protocol.slice(0, -1)
  if (pattern === "<all_urls>") return ["http", "https", "file", "ftp", "ws", "wss"].includes(scheme)
  const m = /^(\*|https?|wss?|file|ftp|urn):\/\/([^/]*)(\/.*)$/.exec(pattern)
  if (!m) return false
  const [, patternScheme, patternHost, patternPath] = m
  if (patternScheme === "*" ? scheme !== "http" && scheme !== "https" : scheme !== patternScheme) return false
  if (!hostMatches(parsed.hostname, patternHost)) return false
  return globToRegExp(patternPath).test(parsed.pathname + parsed.search)
}

function hostMatches(host: string, patternHost: string): boolean {
  // A port in the pattern is ignored by Chrome for matching purposes.
  const bare = patternHost.replace(/:\d+$|:\*$/, "")
  if (bare === "*") return true
  if (bare.startsWith("*.")) {
    const domain = bare.slice(2)
    return host === domain || host.endsWith(`.${domain}`)
  }
  return host === bare
}

function globToRegExp(glob: string): RegExp {
  const escaped = glob.replace(/[.+?^${}()|[\]\\]/g, "\\$&").replace(/\*/g, ".*")
  return new RegExp(`^${escaped}$`)
}

export const matchesAnyPattern = (url: string, patterns: readonly string[]) => patterns.some((p) => matchesPattern(url, p))
