import { InjectQueue } from '@nestjs/bull';
import { Inject, Injectable, Logger } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { createHash, randomBytes } from 'node:crypto';
import { createWriteStream } from 'node:fs';
import { mkdir, open, readdir, rename, unlink } from 'node:fs/promises';
import { dirname, join, resolve } from 'node:path';
import { DataSource } from 'typeorm';
import { CampaignsService } from '../campaigns/campaigns.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { AffectedCustomer } from '../customers/affected-customer.entity';
import { CustomersService } from '../customers/customers.service';
import type { Incident } from '../incidents/incident.entity';
import { IncidentsService } from '../incidents/incidents.service';
import { cleanLine, formatLetterDate } from '../letters/letter-view';
import { LettersService } from '../letters/letters.service';
import type { LetterWave } from '../letters/wave-view';
import { LetterWaves, WaveLetterRow } from '../campaigns/letter-waves.service';
import { ageOn, LARGE_PRINT_AGE } from '../letters/select-tips';
import { jobsListed } from '../queues/listed-jobs';
import { QUEUES } from '../queues/queues';
import { WORDING } from '../../emails/letters/wording';
import { manifestHeader, manifestLine } from './manifest-csv';
import { groupedToken, postalAddressLines } from './print-address';
import { writeLetterPdf } from './print-file';
import type { PrintLetterInput } from './print-letter';

export const RENDER_JOB = 'render';
export const PRINT_RECONCILE_JOB = 'reconcile';

const printJobId = (fileId: number, attempt: number) => `file-${fileId}-${attempt}`;
export interface RenderJob {
  fileId: number;
}

/** Test seam for crash tests: called after each chunk of letters is drawn. */
export interface RenderHooks {
  afterChunk?: (lettersDrawn: number) => void | Promise<void>;
}

const CHUNK = 250;

interface FileRow {
  id: number;
  batchId: number;
  fileIndex: number;
  name: string;
  attempt: number;
}

/**
 * Renders print files in Bull workers and completes batches. Every step is safe to repeat: a file
 * is claimed with a guarded update and a lease, written under a temporary name and renamed once
 * complete, and recorded `done` only by the attempt that holds the claim; a batch becomes `ready`
 * (and its letters `printed`) once, by a guarded update, after its manifest is on disk. The
 * reconciler re-runs whatever a crash left unfinished.
 */
@Injectable()
export class PrintRenderService {
  private readonly logger = new Logger('postal');

  constructor(
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    @InjectDataSource() private readonly db: DataSource,
    @InjectQueue(QUEUES.print) readonly queue: Queue<RenderJob>,
    private readonly campaigns: CampaignsService,
    private readonly customers: CustomersService,
    private readonly incidents: IncidentsService,
    private readonly letters: LettersService,
    private readonly waves: LetterWaves,
  ) {}

  batchDir(batchId: number): string {
    return join(resolve(this.config.printDir), `batch-${batchId}`);
  }

  enqueue(fileId: number, attempt: number): Promise<unknown> {
    return this.queue.add(RENDER_JOB, { fileId }, { jobId: printJobId(fileId, attempt), removeOnComplete: true, removeOnFail: true });
  }

  /** Renders one file if nobody else holds it; returns whether this call wrote it. */
  async renderFile(fileId: number, hooks: RenderHooks = {}): Promise<boolean> {
    const claimed: { affectedRows: number } = await this.db.query(
      `UPDATE print_files SET state = 'rendering', attempt = attempt + 1, leaseUntil = UTC_TIMESTAMP(3) + INTERVAL ? SECOND
        WHERE id = ? AND (state = 'pending' OR (state = 'rendering' AND leaseUntil < UTC_TIMESTAMP(3)))`,
      [this.config.printLeaseSeconds, fileId],
    );
    if (claimed.affectedRows !== 1) return false;
    const [file]: FileRow[] = await this.db.query('SELECT id, batchId, fileIndex, name, attempt FROM print_files WHERE id = ?', [fileId]);
    const [batch]: { campaignId: number; createdAt: Date }[] = await this.db.query('SELECT campaignId, createdAt FROM print_batches WHERE id = ?', [file.batchId]);
    const campaign = await this.campaigns.view(batch.campaignId);
    const incident = await this.incidents.get(campaign.incidentId);
    const dir = this.batchDir(file.batchId);
    await mkdir(dir, { recursive: true, mode: 0o700 });
    await this.removeLeftovers(dir, file.name);
    const diskName = `${file.name}.${file.attempt}`;
    const path = join(dir, diskName);
    const sequences: number[] = [];
    const tipsGiven: [string, string[]][] = [];
    let drawn = 0;
    const letters = this.fileLetters(file, incident, batch.createdAt, sequences, tipsGiven);
    const written = await writeLetterPdf(path, letters, {
      title: `${cleanLine(incident.company)} ${file.name}`,
      creationDate: batch.createdAt,
      afterChunk: async () => {
        drawn = sequences.length;
        await hooks.afterChunk?.(drawn);
        await this.renewLease(file);
      },
    });
    const recorded = await this.db.transaction(async (m) => {
      const res: { affectedRows: number } = await m.query(
        `UPDATE print_files SET state = 'done', pages = ?, sha256 = ?, diskName = ?, leaseUntil = NULL WHERE id = ? AND attempt = ? AND state = 'rendering'`,
        [written.pages, written.sha256, diskName, file.id, file.attempt],
      );
      if (res.affectedRows !== 1) return false;
      let firstPage = 1;
      const values = sequences.map((seq, i) => {
        const row = [file.batchId, seq, written.letterPages[i], firstPage];
        firstPage += written.letterPages[i];
        return row;
      });
      for (let i = 0; i < values.length; i += 1000) {
        const part = values.slice(i, i + 1000);
        await m.query(
          `UPDATE print_items i JOIN (${part.map(() => 'SELECT ? b, ? s, ? p, ? f').join(' UNION ALL ')}) v ON i.batchId = v.b AND i.sequence = v.s SET i.pages = v.p, i.firstPage = v.f`,
          part.flat(),
        );
      }
      // The tips the paper gave, for the hotline to repeat (an e-mail that went out keeps its own).
      for (let i = 0; i < tipsGiven.length; i += 1000) {
        const part = tipsGiven.slice(i, i + 1000);
        await m.query(
          `UPDATE letters l JOIN (${part.map(() => 'SELECT ? id, ? t').join(' UNION ALL ')}) v ON l.id = v.id SET l.tipIds = v.t WHERE l.tipIds IS NULL`,
          part.flatMap(([id, tips]) => [id, JSON.stringify(tips)]),
        );
      }
      return true;
    });
    if (!recorded) {
      // Another worker took the file over after our lease ran out; its copy is the one recorded.
      await unlink(path).catch(() => undefined);
      return false;
    }
    await this.finish(file.batchId);
    return true;
  }

  private async renewLease(file: FileRow): Promise<void> {
    const res: { affectedRows: number } = await this.db.query(
      `UPDATE print_files SET leaseUntil = UTC_TIMESTAMP(3) + INTERVAL ? SECOND WHERE id = ? AND attempt = ? AND state = 'rendering'`,
      [this.config.printLeaseSeconds, file.id, file.attempt],
    );
    if (res.affectedRows !== 1) throw new Error(`print file ${file.id}: lease lost to another worker`);
  }

  /** Whatever earlier attempts that died left of this file: none of it was recorded, so none of it is delivered. */
  private async removeLeftovers(dir: string, name: string): Promise<void> {
    for (const entry of await readdir(dir)) if (entry.startsWith(`${name}.`)) await unlink(join(dir, entry)).catch(() => undefined);
  }

  private async *fileLetters(file: FileRow, incident: Incident, sendDate: Date, sequences: number[], tipsGiven: [string, string[]][]): AsyncGenerator<PrintLetterInput[]> {
    let after = 0;
    for (;;) {
      const rows: (WaveLetterRow & { sequence: number; letterId: string; token: string; customerId: string })[] = await this.db.query(
        `SELECT i.sequence, i.letterId, l.token, l.customerId, l.campaignId, l.kind, l.followsSeverity, l.followsMask FROM print_items i JOIN letters l ON l.id = i.letterId
          WHERE i.batchId = ? AND i.fileIndex = ? AND i.sequence > ? ORDER BY i.sequence LIMIT ${CHUNK}`,
        [file.batchId, file.fileIndex, after],
      );
      if (rows.length === 0) return;
      const customers = new Map((await this.customers.findByIds(rows.map((r) => String(r.customerId)))).map((c) => [String(c.id), c]));
      // The same wave as the e-mail (follow-up opening, update text, reminder), so paper says the same.
      const waves = await Promise.all(rows.map((r) => this.waves.waveFor(r)));
      yield rows.map((r, i) => {
        const customer = customers.get(String(r.customerId));
        if (!customer) throw new Error(`print file ${file.id}: letter ${r.letterId} has no customer`);
        sequences.push(Number(r.sequence));
        const input = this.letterInput(incident, customer, { batchId: file.batchId, sequence: Number(r.sequence), token: r.token, sendDate, wave: waves[i] });
        tipsGiven.push([String(r.letterId), input.view.tips.map((t) => t.id)]);
        return input;
      });
      after = Number(rows[rows.length - 1].sequence);
    }
  }

  letterInput(incident: Incident, customer: AffectedCustomer, l: { batchId: number; sequence: number; token: string; sendDate: Date; wave?: LetterWave }): PrintLetterInput {
    const view = this.letters.view(incident, customer, { token: l.token, sendDate: l.sendDate, wave: l.wave });
    const words = WORDING[view.language];
    const age = ageOn(customer.birthDate, l.sendDate);
    return {
      view,
      address: postalAddressLines(customer),
      returnLine: [cleanLine(incident.company), this.config.printReturnAddress].filter(Boolean).join(' · '),
      reference: `${l.batchId}-${String(l.sequence).padStart(6, '0')}`,
      date: formatLetterDate(l.sendDate, view.language),
      dateLabel: words.print.date,
      referenceLabel: words.print.reference,
      groupedCode: groupedToken(l.token),
      largePrint: age !== null && age >= LARGE_PRINT_AGE,
    };
  }

  /** Once every file is done: the manifest, then `ready` and `printed`, each exactly once. */
  async finish(batchId: number): Promise<boolean> {
    const [state]: { status: string; open: string }[] = await this.db.query(
      `SELECT b.status, (SELECT COUNT(*) FROM print_files f WHERE f.batchId = b.id AND f.state <> 'done') open FROM print_batches b WHERE b.id = ?`,
      [batchId],
    );
    if (!state || state.status !== 'building' || Number(state.open) > 0) return false;
    const dir = this.batchDir(batchId);
    const diskName = `manifest-${randomBytes(4).toString('hex')}.csv`;
    const sha256 = await this.writeManifest(batchId, join(dir, diskName));
    const done = await this.db.transaction(async (m) => {
      const res: { affectedRows: number } = await m.query(
        "UPDATE print_batches SET status = 'ready', manifestDisk = ?, manifestSha256 = ?, readyAt = UTC_TIMESTAMP(3) WHERE id = ? AND status = 'building'",
        [diskName, sha256, batchId],
      );
      if (res.affectedRows !== 1) return false;
      await m.query('UPDATE letters l JOIN print_items i ON i.letterId = l.id SET l.printedAt = UTC_TIMESTAMP(3) WHERE i.batchId = ? AND l.printedAt IS NULL', [batchId]);
      return true;
    });
    if (!done) await unlink(join(dir, diskName)).catch(() => undefined);
    else this.logger.log({ msg: 'print batch ready', batchId });
    return done;
  }

  private async writeManifest(batchId: number, path: string): Promise<string> {
    const hash = createHash('sha256');
    const tmp = `${path}.tmp`;
    await mkdir(dirname(path), { recursive: true, mode: 0o700 });
    const out = createWriteStream(tmp);
    let failed: Error | undefined;
    out.on('error', (e) => (failed = e));
    const write = (s: string) => {
      if (failed) throw failed;
      hash.update(s);
      return out.write(s) ? Promise.resolve() : new Promise<void>((r, reject) => {
        out.once('drain', () => r());
        out.once('error', reject);
      });
    };
    await write(manifestHeader());
    let after = 0;
    for (;;) {
      const rows: { sequence: number; letterId: string; customerId: string; file: string; firstPage: number; pages: number }[] = await this.db.query(
        `SELECT i.sequence, i.letterId, l.customerId, f.name file, i.firstPage, i.pages FROM print_items i
           JOIN letters l ON l.id = i.letterId JOIN print_files f ON f.batchId = i.batchId AND f.fileIndex = i.fileIndex
          WHERE i.batchId = ? AND i.sequence > ? ORDER BY i.sequence LIMIT 2000`,
        [batchId, after],
      );
      if (rows.length === 0) break;
      const customers = new Map((await this.customers.findByIds(rows.map((r) => String(r.customerId)))).map((c) => [String(c.id), c]));
      let chunk = '';
      for (const r of rows) {
        const c = customers.get(String(r.customerId));
        chunk += manifestLine({
          sequence: Number(r.sequence),
          letterId: String(r.letterId),
          file: r.file,
          firstPage: Number(r.firstPage),
          pages: Number(r.pages),
          name: cleanLine(c?.name),
          street: cleanLine(c?.street),
          houseNumber: cleanLine(c?.houseNumber),
          houseNumberSuffix: cleanLine(c?.houseNumberSuffix),
          postcode: cleanLine(c?.postcode),
          city: cleanLine(c?.city),
        });
      }
      await write(chunk);
      after = Number(rows[rows.length - 1].sequence);
    }
    await new Promise<void>((res, rej) => out.end((err?: Error | null) => (err ? rej(err) : res())));
    const handle = await open(tmp, 'r');
    await handle.sync();
    await handle.close();
    await rename(tmp, path);
    return hash.digest('hex');
  }

  /** Re-runs what a crash or a lost Redis left: files without a live claim, batches with every file done. */
  async reconcile(): Promise<void> {
    const files: { id: number; attempt: number }[] = await this.db.query(
      `SELECT id, attempt FROM print_files WHERE state = 'pending' OR (state = 'rendering' AND leaseUntil < UTC_TIMESTAMP(3)) LIMIT 1000`,
    );
    // Only the files whose job Bull no longer holds: adding one whose job is orphaned is a no-op.
    const jobIds = files.map((f) => printJobId(Number(f.id), Number(f.attempt)));
    const listed = await jobsListed(this.queue, jobIds);
    for (const [i, f] of files.entries()) if (!listed[i]) await this.enqueue(Number(f.id), Number(f.attempt));
    const batches: { id: number }[] = await this.db.query(
      `SELECT b.id FROM print_batches b WHERE b.status = 'building' AND NOT EXISTS (SELECT 1 FROM print_files f WHERE f.batchId = b.id AND f.state <> 'done')`,
    );
    for (const b of batches) await this.finish(Number(b.id));
  }
}
