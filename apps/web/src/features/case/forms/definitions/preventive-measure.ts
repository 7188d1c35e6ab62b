import { z } from 'zod';
import { imposePreventiveMeasureDtoMeasureValues as MEASURES } from '../../../../api/schema';
import { calendarDay, choiceOf } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { dayToBody, decidingHearingChoices } from './case-choices';

const schema = z.object({
  measure: choiceOf(MEASURES),
  until: calendarDay(true),
  hearingId: z.string(),
});
type Values = z.infer<typeof schema>;

/** A preventive measure imposed, until a day (pre-trial detention normally has one), by a hearing of the case. */
export const preventiveMeasureForm = defineWriteForm({
  id: 'preventiveMeasure',
  path: '/v1/cases/{caseId}/preventive-measures',
  schema,
  initial: { measure: '', until: '', hearingId: '' } satisfies Values,
  fields: [
    {
      name: 'measure',
      kind: 'select',
      label: 'console.field.measure',
      required: true,
      vocabulary: { labels: 'vocabulary.measure', values: MEASURES },
    },
    { name: 'until', kind: 'date', label: 'console.field.measureUntil', description: 'console.field.untilHint' },
    { name: 'hearingId', kind: 'select', label: 'console.field.decidingHearing', choices: decidingHearingChoices },
  ],
  toBody: (v: Values, timeZone: string) => ({
    measure: v.measure === '' ? 'recognizance' : v.measure,
    until: dayToBody(v.until, timeZone),
    hearingId: v.hearingId === '' ? undefined : v.hearingId,
  }),
});
