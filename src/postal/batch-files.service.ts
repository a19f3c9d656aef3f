import { Injectable } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { rm } from 'node:fs/promises';
import { DataSource } from 'typeorm';
import { PrintRenderService } from './print-render.service';

/**
 * Deletes print batches' PDFs and manifests (they hold names and addresses) once they are no longer
 * needed: some days after the batch was posted, and when the incident is purged. The batch rows,
 * their letters' postal moments and the files' names, page counts and hashes stay; a download then
 * answers that the file is no longer on disk.
 */
@Injectable()
export class BatchFiles {
  constructor(
    @InjectDataSource() private readonly db: DataSource,
    private readonly render: PrintRenderService,
  ) {}

  /** Batches posted at or before `postedBefore` whose files are still on disk; returns how many batches were emptied. */
  async deletePosted(postedBefore: Date): Promise<number> {
    const rows: { id: number }[] = await this.db.query('SELECT id FROM print_batches WHERE postedAt IS NOT NULL AND postedAt <= ? AND manifestDisk IS NOT NULL', [postedBefore]);
    for (const r of rows) await this.deleteBatch(Number(r.id));
    return rows.length;
  }

  /** Every batch of the incident's campaigns, posted or not (the purge waits while one is being built). */
  async deleteForIncident(incidentId: number): Promise<number> {
    const rows: { id: number }[] = await this.db.query('SELECT b.id FROM print_batches b JOIN campaigns c ON c.id = b.campaignId WHERE c.incidentId = ?', [incidentId]);
    for (const r of rows) await this.deleteBatch(Number(r.id));
    return rows.length;
  }

  private async deleteBatch(batchId: number): Promise<void> {
    // The folder first: a row that says "not on disk" must never point at a file that is still there.
    await rm(this.render.batchDir(batchId), { recursive: true, force: true });
    await this.db.query('UPDATE print_files SET diskName = NULL WHERE batchId = ?', [batchId]);
    await this.db.query('UPDATE print_batches SET manifestDisk = NULL WHERE id = ?', [batchId]);
  }
}
