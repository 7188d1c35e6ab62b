import { z } from 'zod';
import { given, optionalText, REQUIRED, wallTime } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { scheduledHearingChoices, scheduledHearings } from './case-choices';
import { hearingTimeToBody } from './hearing-time';

const schema = z.object({
  hearingId: z.string().min(1, { message: REQUIRED }),
  scheduledAt: wallTime,
  dayOnly: z.boolean(),
  reason: optionalText(2000),
});
type Values = z.infer<typeof schema>;

/** A scheduled hearing moves to another time (the earlier times stay in its history). */
export const rescheduleHearingForm = defineWriteForm({
  id: 'rescheduleHearing',
  path: '/v1/cases/{caseId}/hearings/{hearingId}/reschedule',
  schema,
  initial: { hearingId: '', scheduledAt: '', dayOnly: false, reason: '' } satisfies Values,
  availableFor: (detail) => scheduledHearings(detail).length > 0,
  fields: [
    {
      name: 'hearingId',
      kind: 'select',
      label: 'console.field.hearing',
      required: true,
      choices: scheduledHearingChoices,
    },
    { name: 'scheduledAt', kind: 'datetime', label: 'console.field.newScheduledAt', required: true },
    { name: 'dayOnly', kind: 'checkbox', label: 'console.field.dayOnly' },
    { name: 'reason', kind: 'textarea', label: 'console.field.reason' },
  ],
  pathParams: (v: Values) => ({ hearingId: v.hearingId }),
  toBody: (v: Values, timeZone: string) => ({
    ...hearingTimeToBody(v.scheduledAt, v.dayOnly, timeZone),
    reason: given(v.reason),
  }),
});
