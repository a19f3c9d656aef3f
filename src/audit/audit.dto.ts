import { ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { IsInt, IsOptional, Matches, Max, Min } from 'class-validator';

export class AuditQueryDto {
  @ApiPropertyOptional({ example: 'hotline.lookup' })
  @IsOptional()
  @Matches(/^[a-z][a-z-]*\.[a-z][a-zA-Z-]*$/, { message: 'action must look like <module>.<verb>, e.g. hotline.lookup' })
  action?: string;

  @ApiPropertyOptional({ description: 'Only events by this staff member id' })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  actor?: number;

  @ApiPropertyOptional({ default: 100, maximum: 1000 })
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1000)
  limit?: number;
}
