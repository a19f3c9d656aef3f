import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, IsArray, IsEmail, IsIn, IsInt, IsISO8601, IsNotEmpty, IsOptional, IsString, Max, MaxLength, Min, ValidateIf, ValidateNested } from 'class-validator';
import { BREACH_NATURES, BreachNature, INCIDENT_ROLES, IncidentRole, RISK_LEVELS, RiskLevel } from './incident-facts';

export class ControllerContactDto {
  @ApiPropertyOptional({ example: 'Polderstroom Energie B.V.', description: 'The controller (our client) whose data this is' })
  @IsString()
  @IsNotEmpty({ message: 'controller.name must name the controller organisation' })
  @MaxLength(200)
  name: string;

  @ApiPropertyOptional({ example: 'privacy@polderstroom.example', description: "The controller's contact for breaches (often its data protection officer)" })
  @IsEmail({}, { message: 'controller.email must be an e-mail address, e.g. privacy@client.example' })
  @MaxLength(254)
  email: string;
}

/** The breach-register facts; all optional at creation, and what PATCH /api/incidents/:id changes. `null` clears a value. */
export class IncidentFactsDto {
  @ApiPropertyOptional({ enum: INCIDENT_ROLES, default: 'controller' })
  @IsOptional()
  @IsIn(INCIDENT_ROLES, { message: `role must be one of: ${INCIDENT_ROLES.join(', ')}` })
  role?: IncidentRole;

  @ApiPropertyOptional({ example: '2026-11-20T11:00:00Z', description: 'When the organisation became aware of the breach (default: discoveredAt); the deadlines run from here' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsISO8601({ strict: true }, { message: 'awareAt must be an ISO-8601 date and time, e.g. 2026-11-20T09:30:00Z' })
  awareAt?: string | null;

  @ApiPropertyOptional({ type: ControllerContactDto, description: 'Required when role is processor' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @ValidateNested()
  @Type(() => ControllerContactDto)
  controller?: ControllerContactDto | null;

  @ApiPropertyOptional({ default: 48, description: "Hours the processing agreement gives us to tell the controller" })
  @IsOptional()
  @IsInt({ message: 'controllerDeadlineHours must be a whole number of hours' })
  @Min(1)
  @Max(720)
  controllerDeadlineHours?: number;

  @ApiPropertyOptional({ enum: BREACH_NATURES, isArray: true })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsArray()
  @ArrayMaxSize(3)
  @IsIn(BREACH_NATURES, { each: true, message: `nature must list some of: ${BREACH_NATURES.join(', ')}` })
  nature?: BreachNature[] | null;

  @ApiPropertyOptional({ enum: RISK_LEVELS, description: '`unlikely`: no notification to the authority, and riskReasoning is required' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsIn(RISK_LEVELS, { message: `riskLevel must be one of: ${RISK_LEVELS.join(', ')}` })
  riskLevel?: RiskLevel | null;

  @ApiPropertyOptional({ description: 'Why the risk level is what it is' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  riskReasoning?: string | null;

  @ApiPropertyOptional({ description: 'Lowest estimate of the number of people involved' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'subjectsMin must be a whole number' })
  @Min(0)
  @Max(4_000_000_000)
  subjectsMin?: number | null;

  @ApiPropertyOptional({ description: 'Highest estimate of the number of people involved' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsInt({ message: 'subjectsMax must be a whole number' })
  @Min(0)
  @Max(4_000_000_000)
  subjectsMax?: number | null;

  @ApiPropertyOptional({ description: 'Likely consequences for the people involved' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  consequences?: string | null;

  @ApiPropertyOptional({ description: 'Security measures that were in place before the breach' })
  @IsOptional()
  @ValidateIf((_, v) => v !== null)
  @IsString()
  @MaxLength(4000)
  measuresBefore?: string | null;
}
