import { ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsIn, IsOptional, IsString, MaxLength } from 'class-validator';
import { type Locale, LOCALES } from '@casetrack/i18n';
import { IsTimeZone } from '../../common/is-time-zone';
import { BooleanFromQuery } from '../../reads/shared/page.dto';

export const DOSSIER_FORMATS = ['json', 'pdf'] as const;
export type DossierFormat = (typeof DOSSIER_FORMATS)[number];

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
  @BooleanFromQuery()
  @IsBoolean()
  includeInternal?: boolean;

  @ApiPropertyOptional({
    enum: LOCALES,
    description: 'The language of the PDF (labels, dates); default the reader’s account language',
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

  @ApiPropertyOptional({
    description: 'IANA time zone every time is printed in (e.g. Asia/Almaty); default the reader’s account zone',
    example: 'Asia/Almaty',
    maxLength: 64,
  })
  @IsOptional()
  @IsString()
  @MaxLength(64)
  @IsTimeZone()
  tz?: string;
}
