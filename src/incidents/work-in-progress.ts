import type { EntityManager } from 'typeorm';
import type { WorkInProgress } from './retention-rules';

/**
 * What still moves in an incident: campaigns sending or approved, imports queued or running, print
 * batches being built. Read across the modules' tables in the caller's transaction, because closing
 * must read it under the incident's row lock (see IncidentsService.close); the purge reads it again.
 */
export async function readWorkInProgress(manager: EntityManager, incidentId: number): Promise<WorkInProgress> {
  const campaigns = await manager.query<{ id: number; status: string }[]>("SELECT id, status FROM campaigns WHERE incidentId = ? AND status IN ('sending', 'approved') ORDER BY id", [incidentId]);
  const imports = await manager.query<{ id: number }[]>("SELECT id FROM imports WHERE incidentId = ? AND status IN ('queued', 'processing') ORDER BY id", [incidentId]);
  const printBatches = await manager.query<{ id: number }[]>(
    "SELECT b.id FROM print_batches b JOIN campaigns c ON c.id = b.campaignId WHERE c.incidentId = ? AND b.status = 'building' ORDER BY b.id",
    [incidentId],
  );
  return {
    campaigns: campaigns.map((c) => ({ id: Number(c.id), status: c.status })),
    imports: imports.map((i) => ({ id: Number(i.id) })),
    printBatches: printBatches.map((b) => ({ id: Number(b.id) })),
  };
}
