import { ExecutionContext, ForbiddenException, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffGuard } from './auth.guard';
import { Role } from './roles';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';
import { bearerToken, generateToken, hashToken, sameHash } from './tokens';

function contextFor(headers: Record<string, string>, roles: Role[] | undefined): { ctx: ExecutionContext; reflector: Reflector; req: { headers: Record<string, string>; staff?: StaffMember } } {
  const req = { headers };
  const reflector = { getAllAndOverride: () => roles } as unknown as Reflector;
  const ctx = { getHandler: () => undefined, getClass: () => undefined, switchToHttp: () => ({ getRequest: () => req }) } as unknown as ExecutionContext;
  return { ctx, reflector, req };
}

/** A stand-in for the database lookup only; the guard's own logic is what is tested. */
function staffServiceWith(members: Record<string, Pick<StaffMember, 'id' | 'role'>>): StaffService {
  return { authenticate: (token: string) => Promise.resolve((members[token] as StaffMember) ?? null) } as unknown as StaffService;
}

describe(StaffGuard.name, () => {
  const service = staffServiceWith({ 'fws_comms': { id: 1, role: 'comms' }, 'fws_hotline': { id: 2, role: 'hotline' } });

  it('lets public routes through without a token', async () => {
    const { ctx, reflector } = contextFor({}, undefined);
    await expect(new StaffGuard(reflector, service).canActivate(ctx)).resolves.toBe(true);
  });

  it('answers 401 without a token, with a malformed header and with an unknown token', async () => {
    const cases: Record<string, string>[] = [{}, { authorization: 'Basic abc' }, { authorization: 'Bearer fws_unknown' }];
    for (const headers of cases) {
      const { ctx, reflector } = contextFor(headers, ['comms']);
      await expect(new StaffGuard(reflector, service).canActivate(ctx)).rejects.toBeInstanceOf(UnauthorizedException);
    }
  });

  it('answers 403 for a valid token with the wrong role', async () => {
    const { ctx, reflector } = contextFor({ authorization: 'Bearer fws_hotline' }, ['comms', 'admin']);
    await expect(new StaffGuard(reflector, service).canActivate(ctx)).rejects.toBeInstanceOf(ForbiddenException);
  });

  it('admits an allowed role and puts the staff member on the request', async () => {
    const { ctx, reflector, req } = contextFor({ authorization: 'Bearer fws_comms' }, ['comms']);
    await expect(new StaffGuard(reflector, service).canActivate(ctx)).resolves.toBe(true);
    expect(req.staff?.id).toBe(1);
  });
});

describe('staff tokens', () => {
  it('are random, long and stored only as a SHA-256 hash', () => {
    const a = generateToken();
    expect(a).toMatch(/^fws_[A-Za-z0-9_-]{43}$/);
    expect(generateToken()).not.toBe(a);
    expect(hashToken(a)).toMatch(/^[0-9a-f]{64}$/);
    expect(hashToken(a)).not.toContain(a);
  });

  it('compare in constant time and only when equal', () => {
    expect(sameHash(hashToken('x'), hashToken('x'))).toBe(true);
    expect(sameHash(hashToken('x'), hashToken('y'))).toBe(false);
    expect(sameHash('', '')).toBe(false);
  });

  it('are read only from a well-formed Bearer header', () => {
    expect(bearerToken('Bearer fws_abc-_x')).toBe('fws_abc-_x');
    expect(bearerToken('bearer fws_abc')).toBe('fws_abc');
    expect(bearerToken('Bearer')).toBeUndefined();
    expect(bearerToken('Token fws_abc')).toBeUndefined();
    expect(bearerToken(undefined)).toBeUndefined();
  });
});
