import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { EntityManager, Repository } from 'typeorm';
import { AuditEvent } from './audit-event.entity';

/** Who acted: a staff member, or one of the non-staff actors. */
export type Actor = { id: number; name: string; role: string } | 'cli' | 'system' | 'customer';
export const CLI_ACTOR: Actor = 'cli';
export const SYSTEM_ACTOR: Actor = 'system';

export interface AuditView {
  at: string;
  actor: string;
  actorId: number | null;
  action: string;
  subject: string | null;
  detail: Record<string, unknown> | null;
}

export interface AuditFilter {
  action?: string;
  actorId?: number;
  from?: Date;
  to?: Date;
}

const ACTION_PATTERN = /^[a-z][a-z-]*\.[a-z][a-zA-Z-]*$/;

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Records `<module>.<verb>` by `actor` on `subject` (a record reference like `customer:12`, never
   * a personal value). `detail` must hold only non-personal facts: kinds, counts, outcomes.
   */
  async record(actor: Actor, action: string, subject: string | null, detail?: Record<string, unknown>, tx?: EntityManager): Promise<void> {
    if (!ACTION_PATTERN.test(action)) throw new Error(`audit action "${action}" is not <module>.<verb>`);
    // Plain SQL: every hotline lookup writes one of these before it answers, and TypeORM's insert
    // builder cost more CPU than MySQL spent on the insert.
    // `tx`: written in the caller's transaction, so the event exists exactly when what it records does.
    await (tx ?? this.events.manager).query('INSERT INTO audit_events (at, actorId, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)', [
      new Date(),
      typeof actor === 'object' ? actor.id : null,
      typeof actor === 'object' ? `${actor.name} (${actor.role}, #${actor.id})` : actor,
      action,
      subject,
      detail ? JSON.stringify(detail) : null,
    ]);
  }

  async list(filter: { action?: string; actorId?: number; limit?: number }): Promise<AuditView[]> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.id', 'DESC').take(Math.min(Math.max(filter.limit ?? 100, 1), 1000));
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorId !== undefined) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    const rows = await qb.getMany();
    return rows.map((e) => ({ at: e.at.toISOString(), actor: e.actor, actorId: e.actorId, action: e.action, subject: e.subject, detail: e.detail }));
  }

  /** One page of events, newest first, for the admin's Audit log (filters by action, actor and time). */
  async search(filter: AuditFilter, offset: number, limit: number): Promise<{ events: AuditView[]; more: boolean }> {
    const qb = this.events.createQueryBuilder('e').orderBy('e.id', 'DESC').offset(offset).limit(limit + 1);
    if (filter.action) qb.andWhere('e.action = :action', { action: filter.action });
    if (filter.actorId !== undefined) qb.andWhere('e.actorId = :actorId', { actorId: filter.actorId });
    if (filter.from) qb.andWhere('e.at >= :from', { from: filter.from });
    if (filter.to) qb.andWhere('e.at < :to', { to: filter.to });
    const rows = await qb.getMany();
    const events = rows.slice(0, limit).map((e) => ({ at: e.at.toISOString(), actor: e.actor, actorId: e.actorId, action: e.action, subject: e.subject, detail: e.detail }));
    return { events, more: rows.length > limit };
  }

  /** The action names that occur, for the filter's suggestions. */
  async actions(): Promise<string[]> {
    const rows = await this.events.createQueryBuilder('e').select('DISTINCT e.action', 'action').orderBy('action').getRawMany<{ action: string }>();
    return rows.map((r) => r.action);
  }

  /** When `action` last happened per subject (e.g. each staff member's last sign-in). */
  async lastAtBySubject(action: string, subjects: string[]): Promise<Map<string, Date>> {
    if (subjects.length === 0) return new Map();
    const rows = await this.events
      .createQueryBuilder('e')
      .select('e.subject', 'subject')
      .addSelect('MAX(e.at)', 'at')
      .where('e.action = :action AND e.subject IN (:...subjects)', { action, subjects })
      .groupBy('e.subject')
      .getRawMany<{ subject: string; at: Date | string }>();
    return new Map(rows.map((r) => [r.subject, new Date(r.at)]));
  }

  /** Per staff member and hour (UTC) since `since`: how many times they did `action`. */
  async countByActorPerHour(action: string, since: Date): Promise<{ actorId: number | null; actor: string; hour: string; count: number }[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('e.actorId', 'actorId')
      .addSelect('MAX(e.actor)', 'actor')
      .addSelect("DATE_FORMAT(e.at, '%Y-%m-%dT%H:00:00Z')", 'hour')
      .addSelect('COUNT(*)', 'count')
      .where('e.action = :action AND e.at >= :since', { action, since })
      .groupBy('e.actorId')
      .addGroupBy('hour')
      .getRawMany<{ actorId: number | null; actor: string; hour: string; count: string }>();
    return rows.map((r) => ({ actorId: r.actorId === null ? null : Number(r.actorId), actor: r.actor, hour: r.hour, count: Number(r.count) }));
  }

  /** Per staff member: how many times they did `action` since `since` (e.g. hotline lookups). */
  async countByActor(action: string, since: Date): Promise<{ actorId: number | null; actor: string; count: number }[]> {
    const rows = await this.events
      .createQueryBuilder('e')
      .select('e.actorId', 'actorId')
      .addSelect('MAX(e.actor)', 'actor')
      .addSelect('COUNT(*)', 'count')
      .where('e.action = :action AND e.at >= :since', { action, since })
      .groupBy('e.actorId')
      .orderBy('count', 'DESC')
      .getRawMany<{ actorId: number | null; actor: string; count: string }>();
    return rows.map((r) => ({ actorId: r.actorId === null ? null : Number(r.actorId), actor: r.actor, count: Number(r.count) }));
  }
}
