import type { ScheduleHearing } from '@casetrack/domain';
import { fields, utc } from '../shared/fields';
import type { IdSource } from '../shared/ids';
import type { ScheduleHearingDto } from './hearings.dto';

/** The domain command of `POST /v1/cases/:caseId/hearings`; the new hearing's id comes from the write's ids. */
export function scheduleHearingCommand(body: ScheduleHearingDto, ids: IdSource): ScheduleHearing {
  return {
    type: 'ScheduleHearing',
    hearingId: ids.id('hearing'),
    ...fields(
      { ...body, scheduledAt: utc(body.scheduledAt) },
      'kind',
      'court',
      'judge',
      'scheduledAt',
      'scheduledAtPrecision',
      'location',
    ),
  };
}
