import { z } from 'zod';
import { scheduleHearingDtoKindValues as KINDS } from '../../../../api/schema';
import { wallTimeToIso } from '../../../../shared/occurred-at';
import { choiceOf, given, optionalText, requiredText, wallTime } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  kind: choiceOf(KINDS),
  court: requiredText(300),
  judge: optionalText(200),
  scheduledAt: wallTime,
  location: optionalText(300),
});
type Values = z.infer<typeof schema>;

/** A hearing to come: the time is typed in the person's time zone and sent with its offset. */
export const hearingForm = defineWriteForm({
  id: 'hearing',
  path: '/v1/cases/{caseId}/hearings',
  schema,
  initial: { kind: '', court: '', judge: '', scheduledAt: '', location: '' } satisfies Values,
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
    { name: 'location', kind: 'text', label: 'console.field.location' },
  ],
  toBody: (v: Values, timeZone: string) => ({
    kind: v.kind === '' ? 'other' : v.kind,
    court: v.court.trim(),
    judge: given(v.judge),
    scheduledAt: wallTimeToIso(v.scheduledAt, timeZone),
    location: given(v.location),
  }),
});
