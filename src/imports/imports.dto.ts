import { BadRequestException } from '@nestjs/common';
import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { isTier, Tier, TIERS } from '../customers/tiers';
import type { ImportStatus } from './import.entity';

/** The multipart form of an upload (for the API docs; the fields are checked by `uploadFields`). */
export class UploadImportDto {
  @ApiProperty({ type: 'string', format: 'binary', description: 'The CSV file (UTF-8 or Windows-1252; ; , or tab separated)' })
  file: unknown;

  @ApiProperty({ enum: TIERS })
  tier: Tier;

  @ApiPropertyOptional({ enum: ['true', 'false'], description: 'true: check and count everything, write nothing' })
  dryRun?: string;
}

/** The contract's import summary, plus progress, timing and where the rejects report is. */
export interface ImportSummary {
  id: number;
  incidentId: number;
  tier: Tier;
  status: ImportStatus;
  encoding: string | null;
  delimiter: string | null;
  rowsRead: number;
  rowsRejected: number;
  warnings: number;
  customersCreated: number;
  customersUpdated: number;
  customersUnchanged: number;
  dryRun: boolean;
  progress: number;
  message?: string;
  createdAt: string;
  finishedAt: string | null;
  rejectsUrl: string;
}

/** The non-file fields of an upload, checked; a 400 names what is wrong. */
export function uploadFields(body: unknown): { tier: Tier; dryRun: boolean } {
  const b = (typeof body === 'object' && body !== null ? body : {}) as Record<string, unknown>;
  const problems: string[] = [];
  const unknown = Object.keys(b).filter((k) => k !== 'tier' && k !== 'dryRun');
  if (unknown.length) problems.push(`unknown field(s): ${unknown.slice(0, 5).join(', ')}; only file, tier and dryRun are accepted`);
  if (!isTier(b.tier)) problems.push(`tier must be one of: ${TIERS.join(', ')}`);
  const dry = b.dryRun;
  if (dry !== undefined && dry !== 'true' && dry !== 'false' && dry !== '') problems.push('dryRun must be true or false');
  if (problems.length) throw new BadRequestException(problems);
  return { tier: b.tier as Tier, dryRun: dry === 'true' };
}
