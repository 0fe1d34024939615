import { useQuery } from "@tanstack/react-query"
import type { Entity } from "~src/context/entity"
import { useAsk } from "~src/ui/query-client"

export const entityProposalsKey = (entity: Entity | null) =>
  ["proposals.forEntity", entity ? { platform: entity.platform, kind: entity.kind, id: entity.id, related: entity.related ?? [] } : null] as const

/**
 * The proposals for the entity on screen (and related ones). The background answers from its
 * local cache at once and syncs behind it, so polling is cheap; it is faster while the panel
 * is open so decisions made elsewhere show up.
 */
export function useEntityProposals(entity: Entity | null, panelOpen: boolean, intervals = { open: 10_000, closed: 60_000 }) {
  const ask = useAsk()
  return useQuery({
    queryKey: entityProposalsKey(entity),
    queryFn: () => ask({ type: "proposals.forEntity", entity: entity! }),
    enabled: entity !== null,
    refetchInterval: panelOpen ? intervals.open : intervals.closed,
    staleTime: 0
  })
}
