import { Transform, Type } from 'class-transformer';
import { IsInt, IsOptional, Max, Min } from 'class-validator';
import type { PageRequest } from '@casetrack/read-model';

/** `page` from 1, `pageSize` 1..100 (default 20). */
export class PageDto {
  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(1_000_000)
  page?: number;

  @IsOptional()
  @Type(() => Number)
  @IsInt()
  @Min(1)
  @Max(100)
  pageSize?: number;
}

export function pageOf(dto: PageDto, defaultSize = 20): PageRequest {
  return { page: dto.page ?? 1, pageSize: dto.pageSize ?? defaultSize };
}

/** `true`/`false` in a query string as a boolean; anything else stays as is and fails `@IsBoolean`. */
export const BooleanFromQuery = (): PropertyDecorator =>
  Transform(({ value }: { value: unknown }) => (value === 'true' ? true : value === 'false' ? false : value));
