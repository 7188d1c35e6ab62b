import { z } from 'zod';
import {
  optionalText,
  optionalWholeNumber,
  REQUIRED,
  requiredText,
  given,
  optionalChoiceOf,
  TRISTATE,
  tristateToBody,
} from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  hearingId: z.string().min(1, { message: REQUIRED }),
  outcome: requiredText(2000),
  durationMinutes: optionalWholeNumber(100000),
  defendantHeard: optionalChoiceOf(TRISTATE),
  lawyerPresent: optionalChoiceOf(TRISTATE),
  notes: optionalText(10000),
});
type Values = z.infer<typeof schema>;

/** What a scheduled hearing decided; the hearing is picked from the case's scheduled ones. */
export const hearingOutcomeForm = defineWriteForm({
  id: 'hearingOutcome',
  path: '/v1/cases/{caseId}/hearings/{hearingId}/outcome',
  schema,
  initial: {
    hearingId: '',
    outcome: '',
    durationMinutes: '',
    defendantHeard: '',
    lawyerPresent: '',
    notes: '',
  } satisfies Values,
  availableFor: (detail) => detail.hearings.some((h) => h.status === 'scheduled'),
  fields: [
    {
      name: 'hearingId',
      kind: 'select',
      label: 'console.field.hearing',
      required: true,
      choices: ({ detail, t, times }) =>
        detail.hearings
          .filter((h) => h.status === 'scheduled')
          .map((h) => ({
            value: h.hearingId,
            label: t('console.field.hearingChoice', {
              kind: t(`vocabulary.hearingKind.${h.kind}`),
              court: h.court,
              when: times.scheduled(h.scheduledAt, h.scheduledAtPrecision),
            }),
          })),
    },
    { name: 'outcome', kind: 'textarea', label: 'console.field.outcome', required: true },
    { name: 'durationMinutes', kind: 'number', label: 'console.field.durationMinutes' },
    {
      name: 'defendantHeard',
      kind: 'select',
      label: 'console.field.defendantHeard',
      vocabulary: { labels: 'console.answer', values: TRISTATE },
    },
    {
      name: 'lawyerPresent',
      kind: 'select',
      label: 'console.field.lawyerPresent',
      vocabulary: { labels: 'console.answer', values: TRISTATE },
    },
    { name: 'notes', kind: 'textarea', label: 'console.field.notes' },
  ],
  pathParams: (v: Values) => ({ hearingId: v.hearingId }),
  toBody: (v: Values) => ({
    outcome: v.outcome.trim(),
    durationMinutes: v.durationMinutes === '' ? undefined : Number(v.durationMinutes),
    defendantHeard: tristateToBody(v.defendantHeard),
    lawyerPresent: tristateToBody(v.lawyerPresent),
    notes: given(v.notes),
  }),
});
