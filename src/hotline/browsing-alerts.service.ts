import { ConflictException, Inject, Injectable, Logger, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { createElement } from 'react';
import { IsNull, Not, Repository } from 'typeorm';
import { BrowsingAlertEmail } from '../../emails/staff/browsing-alert';
import { AuditService, SYSTEM_ACTOR } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import type { StaffMember } from '../staff/staff-member.entity';
import { StaffMailerService } from '../staff/staff-mailer.service';
import { StaffService } from '../staff/staff.service';
import { BrowsingAlert } from './browsing-alert.entity';
import { Finding, findBrowsing, localTime, TraceEntry } from './browsing-rules';
import { LookupTrace } from './lookup-trace';

export interface AlertView {
  id: number;
  staff: { id: number; name: string; role: string | null };
  rule: string;
  findings: Finding[];
  suspends: boolean;
  status: 'open' | 'resolved';
  raisedAt: string;
  resolvedAt: string | null;
  resolvedBy: string | null;
  resolution: string | null;
}

/** A lookup as the browsing rules need it: the postcode only to be hashed, never kept. */
export interface ObservedLookup {
  result: TraceEntry['result'];
  kind: TraceEntry['kind'];
  postcode?: string;
  houseNumber?: string;
}

/**
 * Owner of `hotline_alerts`: watches every admitted lookup for browsing, raises at most one open
 * alert per staff member (audited, e-mailed to the admins), and holds that member's lookups while
 * a suspending alert is open.
 */
@Injectable()
export class BrowsingAlertsService {
  private readonly logger = new Logger('hotline-alerts');
  /** E-mails still being sent, so a shutdown (or a test) can wait for them. */
  private readonly sending = new Set<Promise<unknown>>();

  constructor(
    @InjectRepository(BrowsingAlert) private readonly alerts: Repository<BrowsingAlert>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly trace: LookupTrace,
    private readonly audit: AuditService,
    private readonly staff: StaffService,
    private readonly mailer: StaffMailerService,
  ) {}

  /** The open alert that holds this member's lookups, if any. */
  async suspendingAlert(staffId: number): Promise<number | null> {
    // Plain SQL on the unique index: this runs before every lookup.
    const rows = await this.alerts.query<{ id: number }[]>('SELECT id FROM hotline_alerts WHERE openFor = ? AND suspends = 1 LIMIT 1', [staffId]);
    return rows.length ? Number(rows[0].id) : null;
  }

  /** Adds the lookup to the member's trace and raises an alert when the rules find browsing. */
  async observe(member: StaffMember, lookup: ObservedLookup): Promise<void> {
    const entry: TraceEntry = { at: Date.now(), result: lookup.result, kind: lookup.kind };
    if (lookup.postcode && lookup.houseNumber) {
      entry.street = this.trace.streetKey(lookup.postcode);
      entry.houseNumber = Number(lookup.houseNumber);
    }
    const findings = findBrowsing(await this.trace.add(member.id, entry), this.config.hotlineAlerts);
    if (findings.length) await this.raise(member, findings);
  }

  private async raise(member: StaffMember, findings: Finding[]): Promise<void> {
    const suspends = findings.some((f) => this.config.hotlineAlerts.suspendRules.includes(f.rule));
    const raisedAt = new Date();
    // The unique index on openFor makes a second open alert for the member a no-op, also when two
    // API processes see the pattern at the same moment.
    const result = await this.alerts.query<{ affectedRows: number; insertId: number }>(
      'INSERT IGNORE INTO hotline_alerts (staffId, openFor, rule, findings, suspends, raisedAt) VALUES (?, ?, ?, ?, ?, ?)',
      [member.id, member.id, findings[0].rule, JSON.stringify(findings), suspends, raisedAt],
    );
    if (result.affectedRows === 1) return this.announce(Number(result.insertId), member, findings, suspends, raisedAt, false);
    if (suspends) await this.escalate(member, findings, raisedAt);
  }

  /**
   * An open alert that does not suspend (e.g. a lookup after hours) must not shield a later
   * pattern that does: the open alert then starts suspending, and the admins hear about it again.
   */
  private async escalate(member: StaffMember, findings: Finding[], at: Date): Promise<void> {
    const open = await this.alerts.findOne({ where: { openFor: member.id } });
    if (!open || open.suspends) return;
    const earlier = typeof open.findings === 'string' ? (JSON.parse(open.findings) as Finding[]) : open.findings;
    const all = [...findings, ...earlier.filter((e) => !findings.some((f) => f.rule === e.rule))];
    const result = await this.alerts.update({ id: open.id, openFor: member.id, suspends: false }, { suspends: true, findings: all });
    if (result.affected) await this.announce(open.id, member, all, true, at, true);
  }

  private async announce(alertId: number, member: StaffMember, findings: Finding[], suspends: boolean, at: Date, escalated: boolean): Promise<void> {
    const rules = findings.map((f) => f.rule);
    await this.audit.record(SYSTEM_ACTOR, 'hotline.alert', `staff:${member.id}`, { alertId, rules, suspends, ...(escalated ? { escalated } : {}) });
    this.logger.warn({ msg: escalated ? 'hotline alert now suspends' : 'hotline alert raised', alertId, staffId: member.id, rules, suspends });
    this.track(this.mailAdmins(alertId, member, findings, suspends, at));
  }

  private async mailAdmins(alertId: number, member: StaffMember, findings: Finding[], suspended: boolean, raisedAt: Date): Promise<void> {
    const { timeZone } = this.config.hotlineAlerts.workingHours;
    const { minutes } = localTime(raisedAt.getTime(), timeZone);
    const day = raisedAt.toLocaleDateString('en-CA', { timeZone });
    const element = createElement(BrowsingAlertEmail, {
      alertId,
      staffName: member.name,
      staffRole: member.role,
      raisedAt: `${day} ${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')} (${timeZone})`,
      findings: findings.map((f) => f.summary),
      suspended,
      alertsUrl: `${this.config.publicBaseUrl}/console/admin/alerts`,
    });
    const admins = await this.staff.activeWithEmail('admin');
    for (const admin of admins) await this.mailer.sendToStaff(admin.id, `Hotline alert #${alertId}: lookups by ${member.name} look like browsing`, element);
  }

  private track(work: Promise<void>): void {
    const p = work.catch((err: unknown) => this.logger.warn({ msg: 'alert e-mails not sent', error: err instanceof Error ? err.name : 'unknown' }));
    this.sending.add(p);
    void p.finally(() => this.sending.delete(p));
  }

  /** Resolves once every alert e-mail started so far has been handed to the transport (or failed). */
  async settled(): Promise<void> {
    await Promise.all([...this.sending]);
  }

  /** The newest 500: alerts are rare, and an admin resolves them one by one. */
  async list(filter: { status?: 'open' | 'resolved' | 'all' }): Promise<AlertView[]> {
    const status = filter.status ?? 'all';
    const where = status === 'open' ? { openFor: Not(IsNull()) } : status === 'resolved' ? { openFor: IsNull() } : {};
    const rows = await this.alerts.find({ where, order: { id: 'DESC' }, take: 500 });
    return this.views(rows);
  }

  async get(id: number): Promise<AlertView> {
    const row = await this.alerts.findOne({ where: { id } });
    if (!row) throw new NotFoundException(`There is no hotline alert #${id}.`);
    return (await this.views([row]))[0];
  }

  /** An admin has looked: the alert is closed, the member's trace starts afresh and lookups work again. */
  async resolve(admin: StaffMember, id: number, resolution: string | null): Promise<AlertView> {
    const note = resolution?.trim() || null;
    const result = await this.alerts.update({ id, openFor: Not(IsNull()) }, { openFor: null, resolvedAt: new Date(), resolvedBy: admin.id, resolution: note });
    if (!result.affected) {
      const existing = await this.get(id);
      throw new ConflictException(`Hotline alert #${id} was already resolved${existing.resolvedBy ? ` by ${existing.resolvedBy}` : ''} at ${existing.resolvedAt}.`);
    }
    const alert = await this.get(id);
    await this.trace.clear(alert.staff.id);
    await this.audit.record(admin, 'hotline.alert-resolve', `staff:${alert.staff.id}`, { alertId: id });
    return alert;
  }

  private async views(rows: BrowsingAlert[]): Promise<AlertView[]> {
    const ids = [...new Set(rows.flatMap((r) => [r.staffId, r.resolvedBy]).filter((v): v is number => v !== null))];
    const members = new Map((await Promise.all(ids.map((i) => this.staff.findById(i)))).filter((m): m is StaffMember => m !== null).map((m) => [m.id, m]));
    return rows.map((r) => ({
      id: r.id,
      staff: { id: r.staffId, name: members.get(r.staffId)?.name ?? `staff #${r.staffId}`, role: members.get(r.staffId)?.role ?? null },
      rule: r.rule,
      findings: typeof r.findings === 'string' ? (JSON.parse(r.findings) as Finding[]) : r.findings,
      suspends: Boolean(r.suspends),
      status: r.openFor === null ? 'resolved' : 'open',
      raisedAt: r.raisedAt.toISOString(),
      resolvedAt: r.resolvedAt?.toISOString() ?? null,
      resolvedBy: r.resolvedBy === null ? null : (members.get(r.resolvedBy)?.name ?? `staff #${r.resolvedBy}`),
      resolution: r.resolution,
    }));
  }
}
