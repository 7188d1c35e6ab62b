import { ApiProperty, IntersectionType, OmitType } from '@nestjs/swagger';
import { IsIn, IsOptional } from 'class-validator';
import { LOCALES, type Locale } from '@casetrack/i18n';
import { Text } from '../../cases/shared/validators';
import { IsTimeZone } from '../../common/is-time-zone';
import { ListCasesDto } from '../cases/case-reads.dto';
import { StatsQueryDto } from '../stats/stats.dto';
import { EXPORT_FORMATS, type ExportFormat } from './export-format';

/** What every export takes besides its filters: the file's format, its language and the zone of its times. */
class ExportOptionsDto {
  @ApiProperty({ enum: EXPORT_FORMATS, required: false, description: 'The file: `csv` (the default) or `xlsx`' })
  @IsOptional()
  @IsIn(EXPORT_FORMATS)
  format?: ExportFormat;

  @ApiProperty({
    enum: LOCALES,
    required: false,
    description: "The language of headers and labels; default: the reader's",
  })
  @IsOptional()
  @IsIn(LOCALES)
  lang?: Locale;

  @ApiProperty({ required: false, description: "The IANA time zone times are printed in; default: the reader's" })
  @IsOptional()
  @Text(64)
  @IsTimeZone()
  tz?: string;
}

/**
 * The case list's filters and the export's options. Not the list's paging (an export has every matching case) nor
 * its order: an export is read in case id order, the one order in which a case written to meanwhile is still read
 * exactly once.
 */
export class ExportCasesDto extends IntersectionType(
  OmitType(ListCasesDto, ['page', 'pageSize', 'sort'] as const),
  ExportOptionsDto,
) {}

/** The statistics' filters (period, city, closed) and the export's options. */
export class ExportStatsDto extends IntersectionType(StatsQueryDto, ExportOptionsDto) {}
