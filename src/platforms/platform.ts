/*
 * What a platform is to Signoff, as plain data and functions: no zod, no browser APIs, no imports
 * from other src/ folders. This is the lowest layer: the content scripts (which must stay tiny),
 * the background, the server and the domain schemas all read the same definitions.
 */

/** Just enough to name an entity: the same fields as a proposal's target. */
export interface EntityRef {
  platform: string
  /**
   * The account the entity lives in (HubSpot portal id, Marketo munchkin, Salesforce org, Dynamics
   * org host), when the URL says. Ids are only unique within a tenant: contact 101 exists in every portal.
   */
  tenant?: string
  kind: string
  id: string
}

/** What the user is looking at, as read off the URL by a platform detector. */
export interface PageEntity extends EntityRef {
  /** Human label for the launcher ("HubSpot contact 101"). */
  label?: string
  /**
   * Entities the URL says this page belongs to (e.g. the Account whose Lightning console
   * workspace a Contact tab is open in). Their proposals are listed under the current ones.
   */
  related?: EntityRef[]
}

export interface DetectOptions {
  /**
   * The page is on a custom domain the admin registered for this platform (a Marketo landing-page
   * domain, a Salesforce Experience Cloud host): read the path and query, whatever the host.
   */
  anyHost?: boolean
}

export interface PlatformDefinition<Id extends string = string> {
  id: Id
  /** As marketers say it ("Account Engagement", not "pardot"). */
  label: string
  /** What the tenant is called on this platform ("portal", "munchkin", "org"). */
  tenantNoun: string
  /**
   * The match patterns of this platform's content script. Plasmo reads `contents/<id>.ts`'s
   * `config.matches` statically, so they are repeated there; tests/unit/platforms/registry.test.ts
   * checks the two agree.
   */
  matches: readonly string[]
  /** Is this one of the platform's own hosts (narrower than `matches`: `app-*.marketo.com` is not a pattern)? */
  isHost(hostname: string): boolean
  /** URL in, entity out; null on pages Signoff has nothing to say about. */
  detect(url: URL, options?: DetectOptions): PageEntity | null
  /** The tenant a URL names, or null when it does not say (Marketo Classic pods, pi.pardot.com). */
  tenantOf(url: URL, options?: DetectOptions): string | null
}

/** Keeps each platform file's literal id as its type, so the registry's ids form a union. */
export const definePlatform = <const Id extends string>(definition: PlatformDefinition<Id>): PlatformDefinition<Id> => definition

/** Adds the tenant to a detected entity (and to its related ones, which live in the same account). */
export function withTenant<E extends PageEntity>(entity: E | null, tenant: string | null): E | null {
  if (!entity || tenant === null) return entity
  return {
    ...entity,
    tenant,
    ...(entity.related ? { related: entity.related.map((r) => ({ ...r, tenant })) } : {})
  }
}
