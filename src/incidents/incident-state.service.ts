import { ConflictException, GoneException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { Incident } from './incident.entity';
import { closedMessage, IncidentStatus, personalDataGone, purgedLettersMessage } from './retention-rules';

/**
 * Whether an incident is still open, for the modules that must refuse work on a closed one
 * (imports, campaigns, printing) and the ones that must not show purged data (hotline, previews).
 * Its own small provider so the hotline, which IncidentsModule itself imports, can use it too.
 */
@Injectable()
export class IncidentStateService {
  constructor(@InjectRepository(Incident) private readonly incidents: Repository<Incident>) {}

  /**
   * 404 for an unknown incident, 409 (saying what can no longer be done) for a closed one. Inside
   * a transaction (`tx`) the row is read with a shared lock, so a concurrent close, which locks it
   * for update, either waits for that transaction or is seen by it.
   */
  async assertOpen(incidentId: number, what: 'import' | 'campaign' | 'print', tx?: EntityManager): Promise<void> {
    const rows: { status: IncidentStatus }[] = await (tx ?? this.incidents.manager).query(`SELECT status FROM incidents WHERE id = ?${tx ? ' LOCK IN SHARE MODE' : ''}`, [incidentId]);
    if (!rows[0]) throw new NotFoundException(`Incident ${incidentId} does not exist.`);
    if (rows[0].status !== 'open') throw new ConflictException(closedMessage(incidentId, rows[0].status, what));
  }

  /**
   * 410 once the purge is due or done (a closed incident may still print during its retention
   * period: a bounce that arrives late still gets its paper letter). Inside a transaction the row
   * is read with a shared lock, so the purge's claim waits for it and then sees what it made.
   */
  async assertPersonalDataKept(incidentId: number, tx?: EntityManager): Promise<void> {
    const rows: { status: IncidentStatus; purgeAt: Date | null }[] = await (tx ?? this.incidents.manager).query(
      `SELECT status, purgeAt FROM incidents WHERE id = ?${tx ? ' LOCK IN SHARE MODE' : ''}`,
      [incidentId],
    );
    if (!rows[0]) throw new NotFoundException(`Incident ${incidentId} does not exist.`);
    const row = { status: rows[0].status, purgeAt: rows[0].purgeAt === null ? null : new Date(rows[0].purgeAt) };
    if (personalDataGone(row, new Date())) throw new GoneException(purgedLettersMessage(incidentId));
  }

  /** The incident's status, null when it does not exist. */
  async statusOf(incidentId: number): Promise<IncidentStatus | null> {
    const rows: { status: IncidentStatus }[] = await this.incidents.query('SELECT status FROM incidents WHERE id = ?', [incidentId]);
    return rows[0]?.status ?? null;
  }

  /** True once the incident's purge is due or done: its customers' personal data must not be shown or used. */
  async personalDataGone(incidentId: number, now = new Date()): Promise<boolean> {
    const incident = await this.incidents.findOne({ where: { id: incidentId }, select: { id: true, status: true, purgeAt: true } });
    return incident ? personalDataGone(incident, now) : false;
  }
}
