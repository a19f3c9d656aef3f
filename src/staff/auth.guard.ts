import { CanActivate, ExecutionContext, ForbiddenException, Injectable, UnauthorizedException } from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { Role } from './roles';
import { StaffMember } from './staff-member.entity';
import { StaffService } from './staff.service';
import { bearerToken } from './tokens';

export const ROLES_KEY = 'staffRoles';

export type StaffRequest = Request & { staff?: StaffMember };

/** 401 without or with a bad token; 403 when the staff member's role is not among the allowed ones. */
@Injectable()
export class StaffGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly staff: StaffService,
  ) {}

  async canActivate(context: ExecutionContext): Promise<boolean> {
    const allowed = this.reflector.getAllAndOverride<Role[] | undefined>(ROLES_KEY, [context.getHandler(), context.getClass()]);
    if (!allowed) return true;
    const req = context.switchToHttp().getRequest<StaffRequest>();
    const token = bearerToken(req.headers.authorization);
    if (!token) throw new UnauthorizedException('Sign in: send your staff token as "Authorization: Bearer <token>".');
    const member = await this.staff.authenticate(token);
    if (!member) throw new UnauthorizedException('This staff token is not valid (mistyped, revoked or from another installation). Ask an admin for a new one.');
    req.staff = member;
    if (!allowed.includes(member.role)) {
      throw new ForbiddenException(`Your role (${member.role}) may not do this; it needs one of: ${allowed.join(', ')}.`);
    }
    return true;
  }
}
