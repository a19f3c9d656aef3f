import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { PostedFigures } from '../register/authority-report';
import { createReadStream, ReadStream } from 'node:fs';
import { join } from 'node:path';
import { DataSource } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { CampaignsService } from '../campaigns/campaigns.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { IncidentStateService } from '../incidents/incident-state.service';
import type { PrintBatchStatus } from './print-batch.entity';
import { PrintRenderService } from './print-render.service';

type StaffActor = { id: number; name: string; role: string };

export interface PrintBatchFileView {
  name: string;
  letters: number;
  pages: number;
  sha256: string;
}

export interface PrintBatchView {
  id: number;
  campaignId: number;
  status: PrintBatchStatus;
  letters: number;
  /** Finished files only: the PDFs as they complete, `manifest.csv` once the batch is ready. */
  files: PrintBatchFileView[];
  progress: { files: number; filesDone: number };
  createdAt: string;
  readyAt: string | null;
  postedAt: string | null;
  /** Letters of more than one sheet (3 pages or more), counted once the batch is ready: a long incident text does that. */
  lettersOverOneSheet: number;
}

export interface LetterPostalView {
  id: string;
  printedAt: string | null;
  postedAt: string | null;
  returnedAt: string | null;
}

export const MANIFEST_NAME = 'manifest.csv';
/** Letters printed: post letters, and e-mail letters that failed, bounced or whose outcome is unknown. */
export const PRINTABLE = "(l.channel = 'post' OR l.state IN ('failed','unknown') OR l.bouncedAt IS NOT NULL)";
const STARTED = ['sending', 'paused', 'completed'];
const NOTHING_TO_PRINT = (campaignId: number) =>
  `Campaign ${campaignId} has nothing to print: every post letter and every e-mail letter that failed, bounced or has an unknown outcome is already in a print batch.`;
const iso = (d: Date | null) => (d ? new Date(d).toISOString() : null);

/**
 * Print batches as the communications team and the hotline use them: make one, follow it, fetch
 * its files (audited: they hold names and addresses), confirm it was posted, record returned mail.
 */
@Injectable()
export class PrintBatchesService {
  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    private readonly campaigns: CampaignsService,
    private readonly render: PrintRenderService,
    private readonly audit: AuditService,
    private readonly incidentState: IncidentStateService,
  ) {}

  /** Takes every printable letter of the campaign that is in no batch yet; files render in the background. */
  async create(campaignId: number, actor: StaffActor): Promise<{ id: number; status: 'building'; letters: number }> {
    const campaign = await this.campaigns.view(campaignId);
    if (!STARTED.includes(campaign.status)) {
      throw new ConflictException(`Campaign ${campaignId} is ${campaign.status}; letters are printed once the campaign has been started.`);
    }
    const perFile = this.config.printFileLetters;
    const created = await this.db.transaction(async (m) => {
      // One batch at a time per campaign, so two clicks never put a letter in two batches.
      await m.query('SELECT id FROM campaigns WHERE id = ? FOR UPDATE', [campaignId]);
      // The letters are drawn from the customers' names and addresses: not once the purge is due.
      await this.incidentState.assertPersonalDataKept(campaign.incidentId, m);
      const res: { insertId: number } = await m.query("INSERT INTO print_batches (campaignId, status, letters, createdBy) VALUES (?, 'building', 0, ?)", [campaignId, actor.id]);
      const batchId = Number(res.insertId);
      const items: { affectedRows: number } = await m.query(
        `INSERT INTO print_items (batchId, sequence, letterId, fileIndex)
         SELECT ?, n, id, FLOOR((n - 1) / ?) FROM (
           SELECT l.id, ROW_NUMBER() OVER (ORDER BY l.id) n FROM letters l
            WHERE l.campaignId = ? AND ${PRINTABLE} AND NOT EXISTS (SELECT 1 FROM print_items i WHERE i.letterId = l.id)) t`,
        [batchId, perFile, campaignId],
      );
      const letters = items.affectedRows;
      // Thrown inside the transaction so the empty batch row is rolled back with it.
      if (letters === 0) throw new ConflictException(NOTHING_TO_PRINT(campaignId));
      await m.query('UPDATE print_batches SET letters = ? WHERE id = ?', [letters, batchId]);
      const files = Math.ceil(letters / perFile);
      const rows = Array.from({ length: files }, (_, i) => [batchId, i, `letters-${batchId}-${String(i + 1).padStart(3, '0')}.pdf`, 'pending', Math.min(perFile, letters - i * perFile)]);
      await m.query(`INSERT INTO print_files (batchId, fileIndex, name, state, letters) VALUES ${rows.map(() => '(?, ?, ?, ?, ?)').join(', ')}`, rows.flat());
      return { batchId, letters };
    });
    await this.audit.record(actor, 'postal.batch', `print-batch:${created.batchId}`, { campaignId, letters: created.letters });
    const files: { id: number }[] = await this.db.query('SELECT id FROM print_files WHERE batchId = ? ORDER BY fileIndex', [created.batchId]);
    // If this fails (Redis away), the print reconciler adds the jobs.
    await Promise.all(files.map((f) => this.render.enqueue(Number(f.id), 0))).catch(() => undefined);
    return { id: created.batchId, status: 'building', letters: created.letters };
  }

  /** For the breach register's authority report: letters of the incident confirmed posted, and when. */
  async postedForIncident(incidentId: number): Promise<PostedFigures> {
    const [r]: { posted: string; firstPostedAt: Date | null; lastPostedAt: Date | null }[] = await this.db.query(
      `SELECT COUNT(*) posted, MIN(l.postedAt) firstPostedAt, MAX(l.postedAt) lastPostedAt
         FROM letters l JOIN campaigns c ON c.id = l.campaignId WHERE c.incidentId = ? AND l.postedAt IS NOT NULL`,
      [incidentId],
    );
    return { posted: Number(r?.posted ?? 0), firstPostedAt: r?.firstPostedAt ?? null, lastPostedAt: r?.lastPostedAt ?? null };
  }

  async view(id: number): Promise<PrintBatchView> {
    const b = await this.batch(id);
    const files: { name: string; letters: number; pages: number; sha256: string | null; state: string }[] = await this.db.query(
      'SELECT name, letters, pages, sha256, state FROM print_files WHERE batchId = ? ORDER BY fileIndex',
      [id],
    );
    const done = files.filter((f) => f.state === 'done');
    const out: PrintBatchFileView[] = done.map((f) => ({ name: f.name, letters: Number(f.letters), pages: Number(f.pages), sha256: f.sha256 ?? '' }));
    if (b.status === 'ready' && b.manifestSha256) out.push({ name: MANIFEST_NAME, letters: Number(b.letters), pages: 0, sha256: b.manifestSha256 });
    const [over]: { n: string }[] = b.status === 'ready' ? await this.db.query('SELECT COUNT(*) n FROM print_items WHERE batchId = ? AND pages > 2', [id]) : [{ n: '0' }];
    return {
      id: Number(b.id),
      campaignId: Number(b.campaignId),
      status: b.status,
      letters: Number(b.letters),
      files: out,
      progress: { files: files.length, filesDone: done.length },
      createdAt: iso(b.createdAt)!,
      readyAt: iso(b.readyAt),
      postedAt: iso(b.postedAt),
      lettersOverOneSheet: Number(over.n),
    };
  }

  /** The campaign's batches, newest first (for the console's campaign page). */
  async forCampaign(campaignId: number): Promise<PrintBatchView[]> {
    const rows: { id: number }[] = await this.db.query('SELECT id FROM print_batches WHERE campaignId = ? ORDER BY id DESC', [campaignId]);
    return Promise.all(rows.map((r) => this.view(Number(r.id))));
  }

  /** A finished file to download; the access is audited (it holds names and addresses). */
  async file(id: number, name: string, actor: StaffActor): Promise<{ stream: ReadStream; type: string; name: string }> {
    const b = await this.batch(id);
    let disk: string | null = null;
    if (name === MANIFEST_NAME) {
      if (b.status !== 'ready') throw new ConflictException(`Print batch ${id} is still being built; the manifest is written when every file is done.`);
      disk = b.manifestDisk;
    } else {
      const [f]: { state: string; diskName: string | null }[] = await this.db.query('SELECT state, diskName FROM print_files WHERE batchId = ? AND name = ?', [id, name]);
      if (!f) throw new NotFoundException(`Print batch ${id} has no file named "${name}"; GET /api/print-batches/${id} lists its files.`);
      if (f.state !== 'done') throw new ConflictException(`File "${name}" of print batch ${id} is still being rendered; try again when it is listed.`);
      disk = f.diskName;
    }
    if (!disk) {
      // Deleted on purpose (BatchFiles): say why, so nobody goes looking for a lost file.
      const why = b.postedAt
        ? `print files are deleted ${this.config.postedPrintFilesDays} days after their batch was marked as posted (POSTED_PRINT_FILES_DAYS), or when the incident's personal data is purged`
        : `the incident's personal data has been purged, and its print files with it`;
      throw new ConflictException(`File "${name}" of print batch ${id} has been deleted: ${why}.`);
    }
    await this.audit.record(actor, 'postal.download', `print-batch:${id}`, { file: name });
    return { stream: createReadStream(join(this.render.batchDir(id), disk)), type: name.endsWith('.pdf') ? 'application/pdf' : 'text/csv; charset=utf-8', name };
  }

  /** The print house confirmed the batch went out: its letters become `posted`. */
  async posted(id: number, actor: StaffActor): Promise<PrintBatchView & { posted: number }> {
    const b = await this.batch(id);
    if (b.status !== 'ready') throw new ConflictException(`Print batch ${id} is still being built; it can be marked as posted once it is ready.`);
    const posted = await this.db.transaction(async (m) => {
      await m.query('UPDATE print_batches SET postedAt = COALESCE(postedAt, UTC_TIMESTAMP(3)) WHERE id = ?', [id]);
      const res: { affectedRows: number } = await m.query(
        'UPDATE letters l JOIN print_items i ON i.letterId = l.id SET l.postedAt = UTC_TIMESTAMP(3) WHERE i.batchId = ? AND l.postedAt IS NULL',
        [id],
      );
      return res.affectedRows;
    });
    await this.audit.record(actor, 'postal.posted', `print-batch:${id}`, { letters: posted });
    return { ...(await this.view(id)), posted };
  }

  /** Returned mail, by letter id. Only a printed letter can come back. */
  async returned(letterId: string, actor: StaffActor): Promise<LetterPostalView> {
    if (!/^\d{1,19}$/.test(letterId)) throw new NotFoundException(`Letter ${letterId} does not exist.`);
    const [l]: { id: string; printedAt: Date | null }[] = await this.db.query('SELECT id, printedAt FROM letters WHERE id = ?', [letterId]);
    if (!l) throw new NotFoundException(`Letter ${letterId} does not exist.`);
    if (!l.printedAt) throw new ConflictException(`Letter ${letterId} has not been printed; only a printed letter can be recorded as returned.`);
    await this.db.query('UPDATE letters SET returnedAt = COALESCE(returnedAt, UTC_TIMESTAMP(3)) WHERE id = ?', [letterId]);
    await this.audit.record(actor, 'postal.returned', `letter:${letterId}`);
    return this.letterView(letterId);
  }

  /** Returned mail, by the reference printed on the letter (batch and sequence, as in the manifest). */
  async returnedBySequence(batchId: number, sequence: number, actor: StaffActor): Promise<LetterPostalView> {
    const [item]: { letterId: string }[] = await this.db.query('SELECT letterId FROM print_items WHERE batchId = ? AND sequence = ?', [batchId, sequence]);
    if (!item) throw new NotFoundException(`Print batch ${batchId} has no letter with sequence ${sequence}; check the reference on the returned letter.`);
    return this.returned(String(item.letterId), actor);
  }

  private async letterView(letterId: string): Promise<LetterPostalView> {
    const [l]: { id: string; printedAt: Date | null; postedAt: Date | null; returnedAt: Date | null }[] = await this.db.query(
      'SELECT id, printedAt, postedAt, returnedAt FROM letters WHERE id = ?',
      [letterId],
    );
    return { id: String(l.id), printedAt: iso(l.printedAt), postedAt: iso(l.postedAt), returnedAt: iso(l.returnedAt) };
  }

  private async batch(id: number) {
    const [b]: { id: number; campaignId: number; status: PrintBatchStatus; letters: number; manifestDisk: string | null; manifestSha256: string | null; createdAt: Date; readyAt: Date | null; postedAt: Date | null }[] =
      await this.db.query('SELECT * FROM print_batches WHERE id = ?', [id]);
    if (!b) throw new NotFoundException(`Print batch ${id} does not exist.`);
    return b;
  }
}
