import { BadRequestException, Injectable, NotFoundException } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { AuditService, Actor } from '../audit/audit.service';
import { ConsoleSessions } from './console-sessions';
import { isRole, Role, ROLES } from './roles';
import { SignInService } from './sign-in.service';
import { StaffMember } from './staff-member.entity';
import { generateToken, hashToken, sameHash } from './tokens';

export interface CreatedStaff {
  id: number;
  name: string;
  role: Role;
  email: string | null;
  /** Shown once; only its hash is stored. */
  token: string;
  /** One-time console set-up link (72 h), for members with an e-mail address. */
  setupUrl?: string;
}

@Injectable()
export class StaffService {
  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    private readonly audit: AuditService,
    private readonly signIn: SignInService,
    private readonly sessions: ConsoleSessions,
  ) {}

  async create(input: { name: string; role: string; email?: string | null }, actor: Actor): Promise<CreatedStaff> {
    const name = input.name?.trim();
    if (!name) throw new BadRequestException('A staff member needs a name (--name "Ada de Vries").');
    if (name.length > 100) throw new BadRequestException('The name is longer than 100 characters.');
    if (!isRole(input.role)) throw new BadRequestException(`Role "${input.role}" does not exist; use one of: ${ROLES.join(', ')}.`);
    const email = input.email?.trim() || null;
    if (email && !/^[^\s@]+@[^\s@]+\.[^\s@]+$/.test(email)) throw new BadRequestException('The e-mail address does not look valid (expected name@example.nl).');
    const token = generateToken();
    const saved = await this.staff.save(this.staff.create({ name, role: input.role, email, tokenHash: hashToken(token) }));
    await this.audit.record(actor, 'staff.create', `staff:${saved.id}`, { role: saved.role });
    const setupUrl = email ? await this.signIn.createSetupLink(saved.id) : undefined;
    return { id: saved.id, name: saved.name, role: saved.role, email: saved.email, token, ...(setupUrl ? { setupUrl } : {}) };
  }

  /** Disables a member: their API token stops working and every console session ends at once. */
  async disable(id: number, actor: Actor): Promise<{ id: number; disabledAt: string; sessionsEnded: number }> {
    const member = await this.findById(id);
    if (!member) throw new NotFoundException(`Staff member ${id} does not exist.`);
    const disabledAt = member.disabledAt ?? new Date();
    if (!member.disabledAt) await this.staff.update({ id }, { disabledAt, setupTokenHash: null, setupExpiresAt: null });
    const sessionsEnded = await this.sessions.endAllFor(id);
    await this.audit.record(actor, 'staff.disable', `staff:${id}`, { sessionsEnded });
    return { id, disabledAt: disabledAt.toISOString(), sessionsEnded };
  }

  /** The active staff member holding this token, or null. */
  async authenticate(token: string): Promise<StaffMember | null> {
    const hash = hashToken(token);
    // Plain SQL: this runs on every staff request, and TypeORM's find options cost more CPU than the query.
    // The hotline's suspension check rides along (a read-only subquery on its unique index): every
    // lookup needs it, and a round trip costs more here than the subquery.
    const rows = await this.staff.query<(StaffMember & { lookupsHeldBy: number | string | null })[]>(
      `SELECT s.id, s.name, s.role, s.email, s.tokenHash, s.disabledAt, s.createdAt,
              (SELECT a.id FROM hotline_alerts a WHERE a.openFor = s.id AND a.suspends = 1 LIMIT 1) AS lookupsHeldBy
         FROM staff_members s WHERE s.tokenHash = ? AND s.disabledAt IS NULL LIMIT 1`,
      [hash],
    );
    const member = rows.length ? Object.assign(new StaffMember(), rows[0], { lookupsHeldBy: rows[0].lookupsHeldBy === null ? null : Number(rows[0].lookupsHeldBy) }) : null;
    // The index lookup already matched; the constant-time compare guards against collation surprises.
    return member && sameHash(member.tokenHash, hash) ? member : null;
  }

  findById(id: number): Promise<StaffMember | null> {
    return this.staff.findOne({ where: { id } });
  }

  /** Every member, for the admin's Staff page (no secrets: hashes and keys stay here). */
  async list(): Promise<{ id: number; name: string; role: Role; email: string | null; disabledAt: Date | null; signInEnabledAt: Date | null; createdAt: Date }[]> {
    const rows = await this.staff.find({ order: { name: 'ASC', id: 'ASC' } });
    return rows.map((m) => ({ id: m.id, name: m.name, role: m.role, email: m.email, disabledAt: m.disabledAt, signInEnabledAt: m.signInEnabledAt, createdAt: m.createdAt }));
  }

  /** A new role takes effect on the member's next request: the console guard reads the member each time. */
  async changeRole(id: number, role: string, actor: Actor): Promise<StaffMember> {
    if (!isRole(role)) throw new BadRequestException(`Role "${role}" does not exist; use one of: ${ROLES.join(', ')}.`);
    const member = await this.findById(id);
    if (!member) throw new NotFoundException(`Staff member ${id} does not exist.`);
    if (member.role === role) return member;
    await this.staff.update({ id }, { role });
    await this.audit.record(actor, 'staff.change-role', `staff:${id}`, { from: member.role, to: role });
    return { ...member, role };
  }

  /**
   * A lost or compromised authenticator: sign-in stops at once (password and key are cleared, and
   * every session ends) and the member gets a new one-time set-up link.
   */
  async resetAuthenticator(id: number, actor: Actor): Promise<{ setupUrl: string; sessionsEnded: number }> {
    const member = await this.findById(id);
    if (!member) throw new NotFoundException(`Staff member ${id} does not exist.`);
    if (member.disabledAt) throw new BadRequestException(`${member.name} is disabled; a disabled member cannot sign in again.`);
    if (!member.email) throw new BadRequestException(`${member.name} has no e-mail address, so cannot use the console; they keep their API token.`);
    const setupUrl = await this.signIn.createSetupLink(id);
    const sessionsEnded = await this.sessions.endAllFor(id);
    await this.audit.record(actor, 'staff.reset-authenticator', `staff:${id}`, { sessionsEnded });
    return { setupUrl, sessionsEnded };
  }

  async namesByIds(ids: number[]): Promise<Map<number, string>> {
    if (ids.length === 0) return new Map();
    const rows = await this.staff.createQueryBuilder('s').select(['s.id', 's.name']).where('s.id IN (:...ids)', { ids }).getMany();
    return new Map(rows.map((r) => [r.id, r.name]));
  }

  /** Active members of a role who have an e-mail address (deadline reminders go to every admin). Added by the register issue. */
  activeWithEmail(role: Role): Promise<StaffMember[]> {
    return this.staff.createQueryBuilder('s').where('s.role = :role AND s.disabledAt IS NULL AND s.email IS NOT NULL', { role }).orderBy('s.id').getMany();
  }
}
