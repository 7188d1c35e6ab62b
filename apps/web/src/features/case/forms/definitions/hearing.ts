import { z } from 'zod';
import { scheduleHearingDtoKindValues as KINDS } from '../../../../api/schema';
import { choiceOf, given, optionalText, requiredText, wallTime } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { hearingTimeToBody } from './hearing-time';

const schema = z.object({
  kind: choiceOf(KINDS),
  court: requiredText(300),
  judge: optionalText(200),
  scheduledAt: wallTime,
  dayOnly: z.boolean(),
  location: optionalText(300),
});
type Values = z.infer<typeof schema>;

/** A hearing to come: the time is typed in the person's time zone and sent with its offset. */
export const hearingForm = defineWriteForm({
  id: 'hearing',
  path: '/v1/cases/{caseId}/hearings',
  schema,
  initial: { kind: '', court: '', judge: '', scheduledAt: '', dayOnly: false, location: '' } satisfies Values,
  fields: [
    {
      name: 'kind',
      kind: 'select',
      label: 'console.field.hearingKind',
      required: true,
      vocabulary: { labels: 'vocabulary.hearingKind', values: KINDS },
    },
    { name: 'court', kind: 'text', label: 'console.field.court', required: true },
    { name: 'judge', kind: 'text', label: 'console.field.judge' },
    { name: 'scheduledAt', kind: 'datetime', label: 'console.field.scheduledAt', required: true },
    { name: 'dayOnly', kind: 'checkbox', label: 'console.field.dayOnly' },
    { name: 'location', kind: 'text', label: 'console.field.location' },
  ],
  toBody: (v: Values, timeZone: string) => ({
    kind: v.kind === '' ? 'other' : v.kind,
    court: v.court.trim(),
    judge: given(v.judge),
    ...hearingTimeToBody(v.scheduledAt, v.dayOnly, timeZone),
    location: given(v.location),
  }),
});
