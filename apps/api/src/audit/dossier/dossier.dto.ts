import { ApiPropertyOptional } from '@nestjs/swagger';
import { Transform } from 'class-transformer';
import { IsBoolean, IsIn, IsOptional } from 'class-validator';

export const DOSSIER_FORMATS = ['json', 'pdf'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];

/** Query strings are text: only the words `true` and `false` are booleans; anything else fails validation. */
const toBoolean = ({ value }: { value: unknown }): unknown =>
  value === 'true' ? true : value === 'false' ? false : value;

export class DossierQueryDto {
  @ApiPropertyOptional({ enum: DOSSIER_FORMATS, default: 'json' })
  @IsOptional()
  @IsIn(DOSSIER_FORMATS)
  format?: DossierFormat;

  @ApiPropertyOptional({
    type: Boolean,
    default: false,
    description:
      'Include allegations recorded with consent internal_only or anonymised: the complete dossier, for use inside ' +
      'the organisation (coordinators only; anyone else is answered 403)',
  })
  @IsOptional()
  @Transform(toBoolean)
  @IsBoolean()
  includeInternal?: boolean;
}
