import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
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

const ACTION_PATTERN = /^[a-z][a-z-]*\.[a-z][a-zA-Z-]*$/;

@Injectable()
export class AuditService {
  constructor(@InjectRepository(AuditEvent) private readonly events: Repository<AuditEvent>) {}

  /**
   * Records `<module>.<verb>` by `actor` on `subject` (a record reference like `customer:12`, never
   * a personal value). `detail` must hold only non-personal facts: kinds, counts, outcomes.
   */
  async record(actor: Actor, action: string, subject: string | null, detail?: Record<string, unknown>): Promise<void> {
    if (!ACTION_PATTERN.test(action)) throw new Error(`audit action "${action}" is not <module>.<verb>`);
    // Plain SQL: every hotline lookup writes one of these before it answers, and TypeORM's insert
    // builder cost more CPU than MySQL spent on the insert.
    await this.events.query('INSERT INTO audit_events (at, actorId, actor, action, subject, detail) VALUES (?, ?, ?, ?, ?, ?)', [
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
