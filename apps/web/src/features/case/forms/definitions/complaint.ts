import { z } from 'zod';
import { fileComplaintDtoFiledWithValues as BODIES } from '../../../../api/schema';
import { whenToBody } from '../../../../shared/occurred-at';
import { calendarDay, choiceOf, given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  filedWith: choiceOf(BODIES),
  allegationId: z.string(),
  reference: optionalText(200),
  responseDueAt: calendarDay(true),
});
type Values = z.infer<typeof schema>;

/** A complaint filed with a body, about one of the case's allegations or not; its answer is due by a day. */
export const complaintForm = defineWriteForm({
  id: 'complaint',
  path: '/v1/cases/{caseId}/complaints',
  schema,
  initial: { filedWith: '', allegationId: '', reference: '', responseDueAt: '' } satisfies Values,
  fields: [
    {
      name: 'filedWith',
      kind: 'select',
      label: 'console.field.filedWith',
      required: true,
      vocabulary: { labels: 'vocabulary.complaintBody', values: BODIES },
    },
    {
      name: 'allegationId',
      kind: 'select',
      label: 'console.field.allegation',
      choices: ({ detail, t, times }) =>
        detail.allegations.map((a) => ({
          value: a.allegationId,
          label: t('console.field.allegationChoice', {
            from: times.date(a.periodFrom),
            facility: a.facility ?? 'none',
          }),
        })),
    },
    { name: 'reference', kind: 'text', label: 'console.field.reference' },
    { name: 'responseDueAt', kind: 'date', label: 'console.field.responseDueAt' },
  ],
  toBody: (v: Values, timeZone: string) => ({
    filedWith: v.filedWith === '' ? 'other' : v.filedWith,
    allegationId: v.allegationId === '' ? undefined : v.allegationId,
    reference: given(v.reference),
    responseDueAt:
      v.responseDueAt === ''
        ? undefined
        : whenToBody({ occurredAtPrecision: 'day', occurredAt: v.responseDueAt }, timeZone).occurredAt,
  }),
});
