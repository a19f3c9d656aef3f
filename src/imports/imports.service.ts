import { InjectQueue } from '@nestjs/bull';
import { BadRequestException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectDataSource, InjectRepository } from '@nestjs/typeorm';
import type { Queue } from 'bull';
import { createHash } from 'node:crypto';
import { chmodSync, statSync, unlinkSync } from 'node:fs';
import { DataSource, EntityManager, QueryRunner, Repository } from 'typeorm';
import { createElement } from 'react';
import { ImportFinishedEmail } from '../../emails/staff/import-finished';
import { Actor, AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { describeError } from '../common/json-logger';
import { APP_CONFIG, AppConfig, databaseName } from '../config/config';
import { CustomerInput, MergedCustomer, mergeCustomer, StoredCustomer, unchanged, withTier } from '../customers/customer-merge';
import { personalText } from '../customers/sealed-customer';
import { CustomersService, CustomerWrite, INSERT_BATCH_ROWS, PreparedWrite } from '../customers/customers.service';
import { Tier, TIER_SEVERITY } from '../customers/tiers';
import { IncidentsService } from '../incidents/incidents.service';
import { IncidentStateService } from '../incidents/incident-state.service';
import { closedMessage } from '../incidents/retention-rules';
import { jobsListed } from '../queues/listed-jobs';
import { QUEUES } from '../queues/queues';
import { StaffMailerService } from '../staff/staff-mailer.service';
import { describeHeaders, HeaderLayout, missingColumns } from './headers';
import { ImportIssue } from './import-issue.entity';
import { Import } from './import.entity';
import { ImportSummary, uploadFields } from './imports.dto';
import { openCsv, UnclosedQuoteError } from './read-csv';
import { LineFeed } from './line-feed';
import { REJECTS_HEADER, rejectsLine } from './rejects-csv';
import { SeenNumbers } from './seen-numbers';
import { RowIssue, validateRow } from './validate-row';

export const IMPORT_JOB = 'import';
export interface ImportJob {
  importId: number;
}

/** A file-level problem the communications team can fix; its message is shown as the import's `message`. */
export class ImportFileError extends Error {}

const BATCH_ROWS = INSERT_BATCH_ROWS;
const ISSUE_FLUSH = 1000;
const INTERRUPTED =
  'The import stopped before it finished (the process handling it was stopped). Nothing from this file was applied; upload the file again.';
const UNEXPECTED = 'The import stopped because of an unexpected error; nothing from this file was applied. The error has been logged; try again or ask the administrator.';

interface PendingRow {
  line: number;
  input: CustomerInput;
}

/** Header names the merge warnings point at. */
interface BatchColumns {
  customer: string;
  email: string;
}

/** A batch merged with the stored state, ready to be written. */
interface MergedBatch {
  write: PreparedWrite;
  /** Ids of stored customers listed again without a change. */
  listed: string[];
  tally: { created: number; updated: number; unchanged: number };
  issues: RowIssue[];
}

interface Counts {
  rowsRead: number;
  rowsRejected: number;
  warnings: number;
  customersCreated: number;
  customersUpdated: number;
  customersUnchanged: number;
}

@Injectable()
export class ImportsService {
  private readonly logger = new Logger('imports');

  constructor(
    @InjectRepository(Import) private readonly imports: Repository<Import>,
    @InjectRepository(ImportIssue) private readonly issues: Repository<ImportIssue>,
    @InjectQueue(QUEUES.imports) private readonly queue: Queue<ImportJob>,
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly customers: CustomersService,
    private readonly incidents: IncidentsService,
    private readonly incidentState: IncidentStateService,
    private readonly audit: AuditService,
    private readonly staffMailer: StaffMailerService,
  ) {}

  /** An uploaded file (already stored privately by the upload interceptor) becomes a queued import. */
  async upload(incidentId: number, file: { path: string; size: number } | undefined, body: unknown, actor: Actor & object): Promise<{ id: number; status: 'queued' }> {
    try {
      if (!file) throw new BadRequestException('Attach the CSV file as the multipart form field "file".');
      const { tier, dryRun } = uploadFields(body);
      await this.incidentState.assertOpen(incidentId, 'import');
      chmodSync(file.path, 0o600);
      const imp = await this.imports.save(
        this.imports.create({ incidentId, tier, dryRun, status: 'queued', fileSize: String(file.size), storedPath: file.path, createdBy: actor.id }),
      );
      await this.audit.record(actor, 'import.create', `import:${imp.id}`, { incidentId, tier, dryRun, bytes: file.size });
      await this.enqueue(imp.id);
      return { id: imp.id, status: 'queued' };
    } catch (err) {
      if (file) removeFile(file.path);
      throw err;
    }
  }

  /** The CLI: the same work as the queue, on a file that stays where it is. */
  async importFile(incidentId: number, tier: Tier, dryRun: boolean, path: string, actor: Actor, onProgress?: (percent: number) => void): Promise<ImportSummary> {
    await this.incidentState.assertOpen(incidentId, 'import');
    let size: number;
    try {
      size = statSync(path).size;
    } catch {
      throw new BadRequestException('The file does not exist or cannot be read; check the path.');
    }
    const imp = await this.imports.save(this.imports.create({ incidentId, tier, dryRun, status: 'queued', fileSize: String(size), storedPath: null, createdBy: null }));
    await this.audit.record(actor, 'import.create', `import:${imp.id}`, { incidentId, tier, dryRun, bytes: size });
    return this.run(imp.id, onProgress, path);
  }

  async summary(id: number): Promise<ImportSummary> {
    const imp = await this.imports.findOne({ where: { id } });
    if (!imp) throw new NotFoundException(`Import ${id} does not exist.`);
    return this.view(imp);
  }

  /** The rejects report as CSV text chunks, in file order. */
  async rejectsCsv(id: number): Promise<AsyncGenerator<string>> {
    await this.summary(id);
    const issues = this.issues;
    async function* lines(): AsyncGenerator<string> {
      yield REJECTS_HEADER + '\r\n';
      let after = '0';
      for (;;) {
        const page = await issues
          .createQueryBuilder('i')
          .where('i.importId = :id AND i.id > :after', { id, after })
          .orderBy('i.id', 'ASC')
          .take(5000)
          .getMany();
        if (page.length === 0) return;
        yield page.map((i) => rejectsLine(i) + '\r\n').join('');
        after = page[page.length - 1].id;
      }
    }
    return lines();
  }

  /**
   * Runs one import (worker or CLI). Holds a per-incident database lock, so imports of one
   * incident never overlap, even across processes; applies the whole file in one transaction, so
   * a killed import leaves nothing half-applied. A dry run does all of it and rolls back.
   */
  async run(importId: number, onProgress?: (percent: number) => void, sourcePath?: string): Promise<ImportSummary> {
    const initial = await this.imports.findOne({ where: { id: importId } });
    if (!initial) throw new NotFoundException(`Import ${importId} does not exist.`);
    if (initial.status === 'completed' || initial.status === 'failed') return this.view(initial);
    const runner = this.dataSource.createQueryRunner();
    await runner.connect();
    let locked = false;
    try {
      await this.lockIncident(runner, initial.incidentId);
      locked = true;
      const imp = await this.imports.findOne({ where: { id: importId } });
      if (!imp || imp.status === 'completed' || imp.status === 'failed') return this.summary(importId);
      if (imp.status === 'processing') {
        // We hold the incident lock, so whoever was processing it is gone: its transaction rolled back.
        await this.finish(imp, 'failed', INTERRUPTED);
        return this.summary(importId);
      }
      const claimed = await this.imports.update({ id: imp.id, status: 'queued' }, { status: 'processing', progress: 0 });
      if (!claimed.affected) return this.summary(importId);
      // Queued before the incident was closed: nothing may be added once closing began (the purge waits for this import).
      const incidentStatus = await this.incidentState.statusOf(imp.incidentId);
      if (incidentStatus !== 'open') {
        await this.finish(imp, 'failed', closedMessage(imp.incidentId, incidentStatus ?? 'purged', 'import'));
        return this.summary(importId);
      }
      await this.issues.delete({ importId: imp.id });
      const path = sourcePath ?? imp.storedPath;
      if (!path) {
        await this.finish(imp, 'failed', 'The uploaded file is no longer there; upload it again.');
        return this.summary(importId);
      }
      await runner.startTransaction();
      try {
        const counts = await this.process(imp, path, runner.manager, onProgress);
        if (imp.dryRun) await runner.rollbackTransaction();
        else await runner.commitTransaction();
        await this.imports.update({ id: imp.id }, { ...counts });
        await this.finish(imp, 'completed', null);
      } catch (err) {
        if (runner.isTransactionActive) await runner.rollbackTransaction();
        if (err instanceof ImportFileError) {
          await this.finish(imp, 'failed', err.message);
        } else {
          this.logger.error({ msg: 'import failed', importId: imp.id, ...describeError(err) });
          await this.finish(imp, 'failed', UNEXPECTED);
        }
      }
      return this.summary(importId);
    } finally {
      if (locked) await runner.query('SELECT RELEASE_LOCK(?)', [this.lockName(initial.incidentId)]).catch(() => undefined);
      await runner.release();
    }
  }

  /**
   * At worker start: imports left `processing` by a process that is gone become `failed` (their
   * transaction was rolled back), and queued ones whose job is lost are enqueued again.
   */
  async recoverInterrupted(): Promise<void> {
    await this.requeueLost();
    const open = await this.imports.find({ where: { status: 'processing' }, order: { id: 'ASC' } });
    for (const imp of open) {
      const runner = this.dataSource.createQueryRunner();
      await runner.connect();
      try {
        const rows = (await runner.query('SELECT GET_LOCK(?, 0) AS got', [this.lockName(imp.incidentId)])) as { got: number | string | null }[];
        if (Number(rows[0]?.got) !== 1) continue; // someone alive is working on this incident
        try {
          const fresh = await this.imports.findOne({ where: { id: imp.id } });
          if (fresh?.status === 'processing') await this.finish(fresh, 'failed', INTERRUPTED);
        } finally {
          await runner.query('SELECT RELEASE_LOCK(?)', [this.lockName(imp.incidentId)]);
        }
      } finally {
        await runner.release();
      }
    }
  }

  /**
   * Enqueues again the `queued` imports whose job Bull no longer holds (Redis restarted, flushed or
   * lost some keys); workers call it on start and every reconcile interval, so an upload never
   * waits for a restart. Idempotent across processes: the job id is the import's.
   */
  async requeueLost(): Promise<number> {
    const queued = await this.imports.find({ select: { id: true, storedPath: true }, where: { status: 'queued' }, order: { id: 'ASC' } });
    const waiting = queued.filter((imp) => imp.storedPath);
    const listed = await jobsListed(this.queue, waiting.map((imp) => jobId(imp.id)));
    const lost = waiting.filter((_, i) => !listed[i]);
    for (const imp of lost) await this.enqueue(imp.id);
    if (lost.length) this.logger.warn({ msg: 'queued imports without a job; enqueued again', imports: lost.length });
    return lost.length;
  }

  private async enqueue(importId: number): Promise<void> {
    await this.queue.add(IMPORT_JOB, { importId }, { jobId: jobId(importId), removeOnComplete: true, removeOnFail: 100, attempts: 1 });
  }

  private lockName(incidentId: number): string {
    const db = createHash('sha1').update(databaseName(this.config.databaseUrl)).digest('hex').slice(0, 16);
    return `fw_import_${db}_${incidentId}`;
  }

  private async lockIncident(runner: QueryRunner, incidentId: number): Promise<void> {
    // Waits (up to a day) while another import of this incident runs in any process.
    const rows = (await runner.query('SELECT GET_LOCK(?, 86400) AS got', [this.lockName(incidentId)])) as { got: number | string | null }[];
    if (Number(rows[0]?.got) !== 1) throw new Error(`could not lock incident ${incidentId} for importing`);
  }

  private async process(imp: Import, path: string, manager: EntityManager, onProgress?: (percent: number) => void): Promise<Counts> {
    const counts: Counts = { rowsRead: 0, rowsRejected: 0, warnings: 0, customersCreated: 0, customersUpdated: 0, customersUnchanged: 0 };
    const size = Math.max(1, Number(imp.fileSize));
    let bytes = 0;
    let lastTick = 0;
    const tick = (force = false) => {
      const now = Date.now();
      if (!force && now - lastTick < 1000) return;
      lastTick = now;
      const percent = Math.min(99, Math.floor((bytes / size) * 100));
      onProgress?.(percent);
      void this.imports.update({ id: imp.id }, { progress: percent, rowsRead: counts.rowsRead }).catch(() => undefined);
    };
    let issueBuffer: RowIssue[] = [];
    const flushIssues = async () => {
      if (issueBuffer.length === 0) return;
      const chunk = issueBuffer;
      issueBuffer = [];
      await this.issues.insert(chunk.map((i) => ({ importId: imp.id, line: i.line, column: i.column.slice(0, 100), severity: i.severity, reason: i.reason.slice(0, 300) })));
    };
    const addIssue = (issue: RowIssue) => {
      if (issue.severity === 'warning') counts.warnings++;
      issueBuffer.push(issue);
    };

    let opened;
    try {
      opened = await openCsv(path, (b) => (bytes = b));
    } catch (err) {
      if ((err as { code?: string }).code === 'ENOENT') throw new ImportFileError('The uploaded file is no longer there; upload it again.');
      throw err;
    }
    if (opened.kind === 'empty') {
      await this.imports.update({ id: imp.id }, { encoding: opened.encoding });
      throw new ImportFileError('The file is empty: it has no header row. Export the list again with the column names on the first line.');
    }
    const { layout, rows } = opened;
    await this.imports.update({ id: imp.id }, { encoding: opened.encoding, delimiter: opened.delimiter });
    const missing = missingColumns(layout);
    if (missing.length) {
      await opened.close();
      throw new ImportFileError(`The file cannot be imported: it has no ${missing.join(' and no ')}. Headers found: ${describeHeaders(layout.names)}.`);
    }
    headerIssues(layout).forEach(addIssue);

    const tierSeverity = TIER_SEVERITY[imp.tier];
    const columns = {
      customer: layout.names[layout.columns.customerNumber!],
      email: layout.columns.email === undefined ? '' : layout.names[layout.columns.email],
    };
    const today = new Date();
    let batch: PendingRow[] = [];
    const fresh = (await manager.query<unknown[]>('SELECT 1 FROM affected_customers WHERE incidentId = ? LIMIT 1', [imp.incidentId])).length === 0;
    // Batches are written one after the other (each runs once the one before it is done). A full
    // batch's statement is built while earlier ones are written, and it is handed over while the
    // one before it is still being written, so the database never waits for the parser; the parser
    // waits once two batches are handed over (one being written, one next), which keeps memory flat.
    let queued: Promise<void> = Promise.resolve();
    let beingWritten: Promise<void> = Promise.resolve();
    const apply = async (rowsToApply: PendingRow[]) => {
      const prepared = fresh ? this.mergeBatch(imp, rowsToApply, new Map(), 'insert', columns) : undefined;
      await beingWritten;
      const previous = queued;
      queued = previous.then(() => this.applyBatch(manager, imp, rowsToApply, prepared, counts, addIssue, columns));
      queued.catch(() => undefined);
      beingWritten = previous;
    };

    // Into an incident without customers, rows whose number this file has certainly not given yet
    // are streamed in with LOAD DATA (in chunks); repeats, known only once the row before is
    // stored, go the careful way after their chunk.
    const loader = fresh ? new FreshLoader(imp, manager, this.customers, counts, (careful) => this.applyCareful(manager, imp, careful, counts, addIssue, columns)) : undefined;

    try {
      for await (const chunk of rows) {
        for (const row of chunk) {
          counts.rowsRead++;
          const result = validateRow(row.cells, layout, row.line, today);
          for (const issue of result.issues) addIssue(issue);
          if (!result.customer) counts.rowsRejected++;
          else if (loader) await loader.add({ line: row.line, input: withTier(result.customer, tierSeverity) });
          else batch.push({ line: row.line, input: withTier(result.customer, tierSeverity) });
          if (batch.length >= BATCH_ROWS) {
            const full = batch;
            batch = [];
            await apply(full);
          }
        }
        if (issueBuffer.length >= ISSUE_FLUSH) await flushIssues();
        tick();
      }
    } catch (err) {
      await queued.catch(() => undefined);
      await loader?.abandon();
      if (err instanceof UnclosedQuoteError) {
        throw new ImportFileError(`The file cannot be read from line ${err.line} on: a quoted value starts there and is never closed (a " is missing). Nothing was imported; fix the file and upload it again.`);
      }
      throw err;
    }
    await apply(batch);
    await queued;
    await loader?.finish();
    await flushIssues();
    bytes = size;
    tick(true);
    return counts;
  }

  /**
   * Writes one batch. While the incident had no customers when the import started (`fresh`),
   * every stored row was written by this import and a batch normally holds only new customers: it
   * comes `prepared` as a plain INSERT and is written without reading first. Should one of them exist
   * after all (a customer number repeated in the file), that INSERT fails as a whole and the batch
   * is done the careful way: read what is stored, merge, upsert.
   */
  private async applyBatch(
    manager: EntityManager,
    imp: Import,
    rows: PendingRow[],
    prepared: MergedBatch | undefined,
    counts: Counts,
    addIssue: (issue: RowIssue) => void,
    columns: BatchColumns,
  ): Promise<void> {
    if (rows.length === 0) return;
    if (prepared) {
      // No savepoint needed (and one costs the database ~9 ms per batch inside a big transaction):
      // the prepared write is a single INSERT, and InnoDB undoes a statement that fails on a
      // duplicate key as a whole, leaving the transaction and everything before it in place.
      try {
        await this.writeBatch(manager, imp, prepared, counts, addIssue);
        return;
      } catch (err) {
        if ((err as { code?: string }).code !== 'ER_DUP_ENTRY') throw err;
      }
    }
    const stored = await this.customers.findForMerge(manager, imp.incidentId, [...new Set(rows.map((r) => r.input.customerNumber))]);
    await this.writeBatch(manager, imp, this.mergeBatch(imp, rows, stored, 'merge', columns), counts, addIssue);
  }

  /** Rows that may repeat an earlier one, in file order, the careful way (read, merge, upsert) in batches. */
  private async applyCareful(manager: EntityManager, imp: Import, rows: PendingRow[], counts: Counts, addIssue: (issue: RowIssue) => void, columns: BatchColumns): Promise<void> {
    for (let i = 0; i < rows.length; i += BATCH_ROWS) await this.applyBatch(manager, imp, rows.slice(i, i + BATCH_ROWS), undefined, counts, addIssue, columns);
  }

  /** Merges a batch with what is stored (pure work, no database): the statement, counts and warnings. */
  private mergeBatch(imp: Import, rows: PendingRow[], stored: Map<string, StoredCustomer>, mode: 'insert' | 'merge', columns: BatchColumns): MergedBatch {
    const issues: RowIssue[] = [];
    const merged = new Map<string, MergedCustomer>();
    for (const { line, input } of rows) {
      const earlierInBatch = merged.get(input.customerNumber);
      const before = stored.get(input.customerNumber);
      if (earlierInBatch || before?.lastImportId === imp.id) {
        issues.push({ line, column: columns.customer, severity: 'warning', reason: 'this customer number is also on an earlier line of this file; the later row is used' });
      } else if (before?.email && input.email && before.email.toLowerCase() !== input.email.toLowerCase()) {
        issues.push({ line, column: columns.email, severity: 'warning', reason: 'the e-mail address differs from the one an earlier import gave; the address in this file replaces it' });
      }
      merged.set(input.customerNumber, mergeCustomer(earlierInBatch ?? before, input));
    }
    const tally = { created: 0, updated: 0, unchanged: 0 };
    const writes: CustomerWrite[] = [];
    const listed: string[] = [];
    for (const [number, customer] of merged) {
      const before = stored.get(number);
      const text = personalText(customer);
      const changed = !before || !unchanged(before, customer, text);
      if (!before) tally.created++;
      else if (before.lastImportId !== imp.id) {
        if (changed) tally.updated++;
        else tally.unchanged++;
      }
      if (changed) writes.push({ customer, text, id: before?.id });
      else if (before.lastImportId !== imp.id) listed.push(before.id);
    }
    return { write: this.customers.prepareWrite(imp.incidentId, imp.id, writes, mode === 'merge'), listed, tally, issues };
  }

  private async writeBatch(manager: EntityManager, imp: Import, batch: MergedBatch, counts: Counts, addIssue: (issue: RowIssue) => void): Promise<void> {
    await this.customers.runWrite(manager, batch.write);
    await this.customers.markListed(manager, imp.id, batch.listed);
    // Counted only once written: a batch retried the careful way must not count twice.
    counts.customersCreated += batch.tally.created;
    counts.customersUpdated += batch.tally.updated;
    counts.customersUnchanged += batch.tally.unchanged;
    batch.issues.forEach(addIssue);
  }

  private async finish(imp: Import, status: 'completed' | 'failed', message: string | null): Promise<void> {
    // The upload goes first: whoever sees the import finished may rely on the file being gone.
    if (imp.storedPath) removeFile(imp.storedPath);
    const done = await this.summary(imp.id);
    // One transaction: whoever sees the import finished also finds its audit event.
    await this.dataSource.transaction(async (tx) => {
      await tx.update(Import, { id: imp.id }, { status, message, progress: 100, finishedAt: new Date(), storedPath: null });
      await this.audit.record(
        SYSTEM_ACTOR,
        'import.complete',
        `import:${imp.id}`,
        {
          status,
          dryRun: done.dryRun,
          rowsRead: done.rowsRead,
          rowsRejected: done.rowsRejected,
          warnings: done.warnings,
          created: done.customersCreated,
          updated: done.customersUpdated,
          unchanged: done.customersUnchanged,
        },
        tx,
      );
    });
    this.logger.log({ msg: 'import finished', importId: imp.id, status, rowsRead: done.rowsRead, rowsRejected: done.rowsRejected });
    const incident = await this.incidents.get(imp.incidentId).catch(() => undefined);
    await this.staffMailer.sendToStaff(
      imp.createdBy,
      `Import #${imp.id} (${imp.tier}) ${status === 'completed' ? (imp.dryRun ? 'dry run finished' : 'finished') : 'failed'}`,
      createElement(ImportFinishedEmail, {
        importId: imp.id,
        incidentTitle: incident?.title ?? `#${imp.incidentId}`,
        tier: imp.tier,
        status,
        dryRun: done.dryRun,
        rowsRead: done.rowsRead,
        rowsRejected: done.rowsRejected,
        warnings: done.warnings,
        customersCreated: done.customersCreated,
        customersUpdated: done.customersUpdated,
        customersUnchanged: done.customersUnchanged,
        message,
        rejectsUrl: done.rejectsUrl,
      }),
    );
  }

  private view(i: Import): ImportSummary {
    return {
      id: i.id,
      incidentId: i.incidentId,
      tier: i.tier,
      status: i.status,
      encoding: i.encoding,
      delimiter: i.delimiter,
      rowsRead: i.rowsRead,
      rowsRejected: i.rowsRejected,
      warnings: i.warnings,
      customersCreated: i.customersCreated,
      customersUpdated: i.customersUpdated,
      customersUnchanged: i.customersUnchanged,
      dryRun: i.dryRun,
      progress: i.progress,
      ...(i.message ? { message: i.message } : {}),
      createdAt: i.createdAt.toISOString(),
      finishedAt: i.finishedAt ? i.finishedAt.toISOString() : null,
      rejectsUrl: `${this.config.publicBaseUrl}/api/imports/${i.id}/rejects`,
    };
  }
}

/** Rows per LOAD DATA statement of a fresh import; repeats wait (in memory, at most CAREFUL_ROWS) for the end of their chunk. */
const LOAD_CHUNK_ROWS = 250_000;
const CAREFUL_ROWS = 10_000;

/**
 * The fresh-incident path of an import: new customers go to the database through LOAD DATA
 * LOCAL INFILE as they are validated; a row whose customer number may have come before in this
 * file (SeenNumbers) waits until its chunk is stored and is then merged the careful way, so the
 * later row wins with a warning exactly as on the batch path.
 */
class FreshLoader {
  private readonly seen = new SeenNumbers();
  private feed: LineFeed | undefined;
  private loading: Promise<{ rows: number; warnings: number }> | undefined;
  private lines = 0;
  private careful: PendingRow[] = [];
  private failure: Error | undefined;

  constructor(
    private readonly imp: Import,
    private readonly manager: EntityManager,
    private readonly customers: CustomersService,
    private readonly counts: Counts,
    private readonly applyCareful: (rows: PendingRow[]) => Promise<void>,
  ) {}

  async add(row: PendingRow): Promise<void> {
    if (this.seen.addAndCheck(row.input.customerNumber)) this.careful.push(row);
    else {
      if (!this.feed) {
        this.feed = new LineFeed();
        const feed = this.feed;
        this.loading = this.customers.loadNew(this.manager, feed.stream, (socket) => feed.throttleBy(socket));
        // A failed load stops the stream (and so a writer waiting on it); the next row reports it.
        this.loading.catch((err: unknown) => {
          this.failure = err instanceof Error ? err : new Error(String(err));
          feed.stream.destroy();
        });
      }
      if (this.failure) throw this.failure;
      const customer = mergeCustomer(undefined, row.input);
      await this.feed.write(this.customers.loadLine(this.imp.incidentId, this.imp.id, customer));
      this.lines++;
    }
    if (this.lines >= LOAD_CHUNK_ROWS || this.careful.length >= CAREFUL_ROWS) await this.finishChunk();
  }

  async finish(): Promise<void> {
    await this.finishChunk();
  }

  /** After a failure elsewhere: ends a load in progress (its rows roll back with the transaction). */
  async abandon(): Promise<void> {
    this.feed?.end();
    await this.loading?.catch(() => undefined);
  }

  private async finishChunk(): Promise<void> {
    if (this.feed) {
      this.feed.end();
      const loaded = await this.loading!;
      if (loaded.rows !== this.lines || loaded.warnings !== 0) {
        // LOAD DATA LOCAL only warns where an INSERT would fail: treat it as the failure it is.
        throw new Error(`LOAD DATA stored ${loaded.rows} of ${this.lines} rows with ${loaded.warnings} warnings`);
      }
      this.counts.customersCreated += loaded.rows;
      this.feed = undefined;
      this.loading = undefined;
      this.lines = 0;
    }
    if (this.careful.length) {
      const rows = this.careful;
      this.careful = [];
      await this.applyCareful(rows);
    }
  }
}

function jobId(importId: number): string {
  return `import-${importId}`;
}

function removeFile(path: string): void {
  try {
    unlinkSync(path);
  } catch {
    // Already gone: nothing to clean up.
  }
}

/** Warnings about the header itself, on line 1. */
function headerIssues(layout: HeaderLayout): RowIssue[] {
  return [
    ...layout.unknown.map((i) => ({ line: 1, column: layout.names[i], severity: 'warning' as const, reason: 'column not recognised; it was not imported' })),
    ...layout.repeated.map((i) => ({ line: 1, column: layout.names[i], severity: 'warning' as const, reason: 'column means the same as an earlier column; only the first one was imported' })),
  ];
}
