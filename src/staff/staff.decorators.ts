import { applyDecorators, createParamDecorator, ExecutionContext, SetMetadata, UseGuards } from '@nestjs/common';
import { ApiBearerAuth, ApiForbiddenResponse, ApiUnauthorizedResponse } from '@nestjs/swagger';
import { ROLES_KEY, StaffGuard, StaffRequest } from './auth.guard';
import { CONSOLE_ROLES_KEY, ConsolePageGuard } from './console-page.guard';
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

/**
 * A console page (or form target) for signed-in staff with one of these roles; no roles: any
 * signed-in member. Not signed in → SignInRequired (the console redirects to sign-in); wrong role → 403.
 */
export function ConsolePage(...roles: Role[]): ClassDecorator & MethodDecorator {
  return applyDecorators(SetMetadata(CONSOLE_ROLES_KEY, roles), UseGuards(ConsolePageGuard));
}

/** The authenticated staff member (set by StaffGuard or ConsolePageGuard). */
export const CurrentStaff = createParamDecorator((_: unknown, ctx: ExecutionContext): StaffMember => {
  const staff = ctx.switchToHttp().getRequest<StaffRequest>().staff;
  if (!staff) throw new Error('CurrentStaff used on a route without @StaffOnly or @ConsolePage');
  return staff;
});
