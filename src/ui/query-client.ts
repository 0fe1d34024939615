import { QueryClient, QueryClientProvider } from "@tanstack/react-query"
import { createContext, createElement, useContext, useState, type ReactNode } from "react"
import type { Message, MessageType, ResponseOf } from "~src/messaging/messages"

/**
 * How extension pages (popup, options) reach the background worker. Pages receive it through
 * context instead of importing `ask` directly, so component tests and the bench can inject a
 * fake background without a browser.
 */
export type Ask = <T extends MessageType>(message: Extract<Message, { type: T }>) => Promise<ResponseOf<T>>

const AskContext = createContext<Ask | null>(null)

export function useAsk(): Ask {
  const ask = useContext(AskContext)
  if (!ask) throw new Error("useAsk() outside <BackgroundProvider>")
  return ask
}

/** Query keys shared by popup and options, so a mutation in one section refreshes the others. */
export const queryKeys = {
  queue: ["proposals.queue"] as const,
  /** Under the queue's key: invalidating the queue refreshes the head too. */
  queueHead: ["proposals.queue", "head"] as const,
  proposal: (id: string) => ["proposal", id] as const,
  history: (id: string, version: number) => ["proposal.history", id, version] as const,
  summary: (date: string) => ["summary", date] as const,
  deadlines: ["deadlines"] as const,
  syncStatus: ["sync.status"] as const,
  settings: ["settings"] as const,
  me: ["me"] as const,
  workflows: ["workflows"] as const,
  stats: (windowDays: number) => ["stats", windowDays] as const,
  customDomains: ["customDomains"] as const
}

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      // The background answers from its local cache: a failure is a real state to show
      // (not configured, offline), not a blip worth three retries while the popup is open.
      queries: { retry: false, refetchOnWindowFocus: false, staleTime: 2_000 },
      mutations: { retry: false }
    }
  })
}

export function BackgroundProvider({ ask, client, children }: { ask: Ask; client?: QueryClient; children: ReactNode }) {
  const [queryClient] = useState(() => client ?? createQueryClient())
  return createElement(AskContext.Provider, { value: ask }, createElement(QueryClientProvider, { client: queryClient }, children))
}

/** A message for people from whatever a query or mutation threw. */
export function errorText(error: unknown): string {
  if (error instanceof Error) return error.message
  return String(error)
}
