import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import { StaffRequest } from './auth.guard';
import { ConsoleSessions } from './console-sessions';
import { Role } from './roles';
import { StaffService } from './staff.service';

export const CONSOLE_ROLES_KEY = 'consoleRoles';

/** Not signed in (or no longer): the console answers with a redirect to the sign-in page. */
export class SignInRequired extends UnauthorizedException {}

/**
 * The console's counterpart of StaffGuard: the staff member comes from the session (never from a
 * bearer token), must still be active, and must have one of the page's roles (403 otherwise).
 * A member disabled while signed in is thrown out on their next request.
 */
@Injectable()
export class ConsolePageGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly sessions: ConsoleSessions,
    private readonly staff: StaffService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(CONSOLE_ROLES_KEY, [context.getHandler(), context.getClass()]) ?? [];
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const staffId = await this.sessions.currentStaffId(req);
    const member = staffId ? await this.staff.findById(staffId) : null;
    if (!member || member.disabledAt) {
      if (staffId) await this.sessions.end(req);
      throw new SignInRequired('Sign in to use the console.');
    }
    req.staff = member;
    if (allowed.length && !allowed.includes(member.role)) throw new ForbiddenException(`This page is for ${allowed.join(', ')}; your role is ${member.role}.`);
    return true;
  }
}
