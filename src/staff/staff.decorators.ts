import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES_KEY, StaffGuard, StaffRequest } from './auth.guard';
import { Role } from './roles';
import { StaffMember } from './staff-member.entity';

/** Only staff with one of these roles may call the route (401 / 403 otherwise). */
export function StaffOnly(...roles: Role[]): ClassDecorator & MethodDecorator {
  return applyDecorators(
    SetMetadata(ROLES_KEY, roles),
    UseGuards(StaffGuard),
    ApiBearerAuth(),
    ApiUnauthorizedResponse({ description: 'No or an invalid staff token' }),
    ApiForbiddenResponse({ description: `Role must be one of: ${roles.join(', ')}` }),
  );
}

/** The authenticated staff member (set by StaffGuard). */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffMember => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a route without @StaffOnly');
  return staff;
});
