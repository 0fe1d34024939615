import type { LocalProposal, QueueEntry } from "./local-proposal"

// Apart from local-proposal.ts (types only from there) so the popup bench's stand-in background
// can project its proposals exactly like the real one without bundling zod.

/** The queue entry of a proposal (the background lists the queue with it; the popup merges decision answers with it). */
export function toQueueEntry(p: LocalProposal): QueueEntry {
  const entry: QueueEntry = {
    id: p.id,
    workflowId: p.workflowId,
    title: p.title,
    status: p.status,
    version: p.version,
    confidence: p.confidence,
    createdAt: p.createdAt,
    approvals: p.approvals,
    quorum: p.quorum,
    target: p.target.url === undefined ? { platform: p.target.platform } : { platform: p.target.platform, url: p.target.url },
    change: { kind: p.change.kind }
  }
  if (p.risk) entry.risk = p.risk
  if (p.riskAssessment) entry.riskAssessment = p.riskAssessment
  if (p.local) entry.local = p.local
  return entry
}
