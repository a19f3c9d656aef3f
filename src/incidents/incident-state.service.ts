import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Incident } from './incident.entity';
import { closedMessage, IncidentStatus, personalDataGone, purgedLettersMessage } from './retention-rules';

type StateRow = { status: IncidentStatus; purgeAt: Date | null };

/** How long personalDataGone trusts what it read (see there). */
const STATE_TTL_MS = 2000;

/**
 * Whether an incident is still open, for the modules that must refuse work on a closed one
 * (imports, campaigns, printing) and the ones that must not show purged data (hotline, previews).
 * Its own small provider so the hotline, which IncidentsModule itself imports, can use it too.
 *
 * Inside a transaction (`tx`) the row is read with a shared lock: a close (which locks it for
 * update) or a purge claim then either waits for that transaction or is seen by it.
 */
@Injectable()
export class IncidentStateService {
  private readonly recent = new Map<number, { row: StateRow | null; until: number }>();

  constructor(@InjectRepository(Incident) private readonly incidents: Repository<Incident>) {}

  /** 404 for an unknown incident, 409 (saying what can no longer be done) for a closed one. */
  async assertOpen(incidentId: number, what: 'import' | 'campaign' | 'print', tx?: EntityManager): Promise<void> {
    const row = await this.existing(incidentId, tx);
    if (row.status !== 'open') throw new ConflictException(closedMessage(incidentId, row.status, what));
  }

  /**
   * 410 once the purge is due or done. A closed incident may still print during its retention
   * period: a bounce that arrives late still gets its paper letter.
   */
  async assertPersonalDataKept(incidentId: number, tx?: EntityManager): Promise<void> {
    if (personalDataGone(await this.existing(incidentId, tx), new Date())) throw new GoneException(purgedLettersMessage(incidentId));
  }

  /** The incident's status, null when it does not exist. */
  async statusOf(incidentId: number): Promise<IncidentStatus | null> {
    return (await this.read(incidentId))?.status ?? null;
  }

  /** True once the incident's purge is due or done: its customers' personal data must not be shown or used. */
  async personalDataGone(incidentId: number, now = new Date()): Promise<boolean> {
    const row = await this.read(incidentId);
    return row ? personalDataGone(row, now) : false;
  }

  /**
   * personalDataGone for the hotline lookup, which asks on every call: the row is kept for
   * STATE_TTL_MS. purgeAt is fixed when the incident closes and compared with the clock on every
   * call, so the answer still turns at purgeAt; only a close with RETENTION_DAYS=0 is seen up to
   * that long late, and a lookup then still finds nobody once the purge has erased the customers.
   */
  async personalDataGoneForLookup(incidentId: number, now = new Date()): Promise<boolean> {
    const cached = this.recent.get(incidentId);
    let row = cached && cached.until > Date.now() ? cached.row : undefined;
    if (row === undefined) {
      row = await this.read(incidentId);
      if (this.recent.size > 1000) this.recent.clear();
      this.recent.set(incidentId, { row, until: Date.now() + STATE_TTL_MS });
    }
    return row ? personalDataGone(row, now) : false;
  }

  private async existing(incidentId: number, tx?: EntityManager): Promise<StateRow> {
    const row = await this.read(incidentId, tx);
    if (!row) throw new NotFoundException(`Incident ${incidentId} does not exist.`);
    return row;
  }

  /** Plain SQL: every hotline lookup asks this. */
  private async read(incidentId: number, tx?: EntityManager): Promise<StateRow | null> {
    const rows: StateRow[] = await (tx ?? this.incidents.manager).query(`SELECT status, purgeAt FROM incidents WHERE id = ?${tx ? ' LOCK IN SHARE MODE' : ''}`, [incidentId]);
    const row = rows[0];
    return row ? { status: row.status, purgeAt: row.purgeAt === null ? null : new Date(row.purgeAt) } : null;
  }
}
