import { Inject, Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import argon2 from 'argon2';
import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { IsNull, MoreThan, Repository } from 'typeorm';
import { AuditService } from '../audit/audit.service';
import { APP_CONFIG, AppConfig } from '../config/config';
import { PasswordProblem, passwordProblem } from './passwords';
import { openSecret, sealSecret } from './secret-box';
import { SignInLimiter } from './sign-in-limiter';
import { StaffMember } from './staff-member.entity';
import { hashToken, sameHash } from './tokens';
import { acceptedStep, newTotpSecret, totpUri } from './totp';

const SETUP_HOURS = 72;
/** OWASP's argon2id baseline (19 MiB, 2 passes): about 30 ms here, and memory-hard for an attacker. */
const ARGON2 = { type: argon2.argon2id, memoryCost: 19456, timeCost: 2, parallelism: 1 } as const;

export interface SetupState {
  member: Pick<StaffMember, 'id' | 'name' | 'email' | 'role'>;
  /** Base32, shown as the `Set-up key` and inside the QR code. */
  secret: string;
  uri: string;
}

export type SetupProblems = { password?: PasswordProblem; code?: 'wrong' | 'missing' };

export type AttemptResult = { ok: true; staffId: number } | { ok: false; locked: boolean };

/**
 * Console sign-in: the one-time set-up (password + authenticator app), then every sign-in with
 * password and a code that works once. Failures are limited per account and IP (SignInLimiter)
 * and every attempt is audited; an answer never says which of the two was wrong.
 */
@Injectable()
export class SignInService {
  /** Verified against when no member has the typed address, so both cases take as long. */
  private dummyHash: Promise<string> | undefined;

  constructor(
    @InjectRepository(StaffMember) private readonly staff: Repository<StaffMember>,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
    private readonly limiter: SignInLimiter,
    private readonly audit: AuditService,
  ) {}

  /** A new one-time set-up link (72 h) with a new authenticator key; earlier links stop working. */
  async createSetupLink(staffId: number): Promise<string> {
    const token = randomBytes(32).toString('base64url');
    await this.staff.update(
      { id: staffId },
      { setupTokenHash: hashToken(token), setupExpiresAt: new Date(Date.now() + SETUP_HOURS * 3600_000), totpSecret: sealSecret(newTotpSecret(), this.config.appSecret), passwordHash: null, signInEnabledAt: null, totpLastStep: null },
    );
    return `${this.config.publicBaseUrl}/console/setup/${token}`;
  }

  async setupState(token: string): Promise<SetupState | null> {
    const member = await this.setupMember(token);
    if (!member?.totpSecret) return null;
    const secret = openSecret(member.totpSecret, this.config.appSecret);
    return { member: { id: member.id, name: member.name, email: member.email, role: member.role }, secret, uri: totpUri(secret, member.email ?? member.name) };
  }

  /** Finishes set-up, or says what to fix. The link stops working once it succeeded. */
  async completeSetup(token: string, password: string, code: string): Promise<{ ok: true; staffId: number } | { ok: false; problems: SetupProblems } | null> {
    const member = await this.setupMember(token);
    if (!member?.totpSecret) return null;
    const problems: SetupProblems = {};
    const problem = passwordProblem(password, member);
    if (problem) problems.password = problem;
    const step = code.trim() ? acceptedStep(openSecret(member.totpSecret, this.config.appSecret), code, null, Date.now()) : null;
    if (step === null) problems.code = code.trim() ? 'wrong' : 'missing';
    if (problems.password || problems.code) return { ok: false, problems };
    const res = await this.staff.update(
      { id: member.id, setupTokenHash: member.setupTokenHash!, disabledAt: IsNull() },
      { passwordHash: await argon2.hash(password, ARGON2), totpLastStep: String(step), signInEnabledAt: new Date(), setupTokenHash: null, setupExpiresAt: null },
    );
    if (!res.affected) return null;
    await this.audit.record({ id: member.id, name: member.name, role: member.role }, 'staff.setup', `staff:${member.id}`);
    return { ok: true, staffId: member.id };
  }

  /** The password step. */
  async checkPassword(email: string, password: string, ip: string): Promise<AttemptResult> {
    const typed = email.trim().toLowerCase();
    const account = typed || '(empty)';
    const gate = await this.gate(account, ip);
    if (gate) return gate;
    const member = typed.includes('@') ? await this.signInMember(typed) : null;
    const ok = await argon2.verify(member?.passwordHash ?? (await this.dummy()), password.slice(0, 1024)).catch(() => false);
    if (member && ok) return { ok: true, staffId: member.id };
    return this.failure(account, ip, member, 'password');
  }

  /** The code step, for the member whose password was just accepted. */
  async checkCode(staffId: number, code: string, ip: string): Promise<AttemptResult> {
    const member = await this.staff.findOne({ where: { id: staffId, disabledAt: IsNull() } });
    const account = member?.email?.trim().toLowerCase() ?? `staff:${staffId}`;
    const gate = await this.gate(account, ip);
    if (gate) return gate;
    if (member?.totpSecret && member.signInEnabledAt) {
      const last = member.totpLastStep === null ? null : Number(member.totpLastStep);
      const step = acceptedStep(openSecret(member.totpSecret, this.config.appSecret), code, last, Date.now());
      if (step !== null) {
        // Guarded: of two requests with the same code, only one moves the step forward.
        const res: { affectedRows: number } = await this.staff.query('UPDATE staff_members SET totpLastStep = ? WHERE id = ? AND (totpLastStep IS NULL OR totpLastStep < ?)', [step, staffId, step]);
        if (res.affectedRows === 1) {
          await this.limiter.succeeded(account);
          await this.audit.record({ id: member.id, name: member.name, role: member.role }, 'staff.sign-in', `staff:${member.id}`);
          return { ok: true, staffId };
        }
      }
    }
    return this.failure(account, ip, member, 'code');
  }

  private async gate(account: string, ip: string): Promise<AttemptResult | null> {
    const gate = await this.limiter.gate(account, ip);
    if (gate.locked) {
      await this.audit.record('system', 'staff.sign-in-failed', null, { reason: 'locked' });
      return { ok: false, locked: true };
    }
    if (gate.delayMs) await sleep(gate.delayMs);
    return null;
  }

  private async failure(account: string, ip: string, member: StaffMember | null, stage: 'password' | 'code'): Promise<AttemptResult> {
    const subject = member ? `staff:${member.id}` : null;
    await this.audit.record('system', 'staff.sign-in-failed', subject, { stage, knownAccount: Boolean(member) });
    const locked = await this.limiter.failed(account, ip);
    if (locked) await this.audit.record('system', 'staff.locked', subject, { lockSeconds: this.config.signInLockSeconds });
    return { ok: false, locked };
  }

  private async setupMember(token: string): Promise<StaffMember | null> {
    if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return null;
    const hash = hashToken(token);
    const member = await this.staff.findOne({ where: { setupTokenHash: hash, setupExpiresAt: MoreThan(new Date()), disabledAt: IsNull() } });
    return member && sameHash(member.setupTokenHash ?? '', hash) ? member : null;
  }

  private async signInMember(email: string): Promise<StaffMember | null> {
    const rows = await this.staff
      .createQueryBuilder('s')
      .where('LOWER(s.email) = :email AND s.disabledAt IS NULL AND s.signInEnabledAt IS NOT NULL', { email })
      .orderBy('s.id', 'DESC')
      .getMany();
    return rows[0] ?? null;
  }

  private dummy(): Promise<string> {
    this.dummyHash ??= argon2.hash(randomBytes(16).toString('hex'), ARGON2);
    return this.dummyHash;
  }
}
