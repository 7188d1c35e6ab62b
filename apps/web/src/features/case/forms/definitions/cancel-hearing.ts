import { z } from 'zod';
import { REQUIRED, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { scheduledHearingChoices, scheduledHearings } from './case-choices';

const schema = z.object({
  hearingId: z.string().min(1, { message: REQUIRED }),
  reason: requiredText(2000),
});
type Values = z.infer<typeof schema>;

/** A scheduled hearing will not take place. */
export const cancelHearingForm = defineWriteForm({
  id: 'cancelHearing',
  path: '/v1/cases/{caseId}/hearings/{hearingId}/cancel',
  schema,
  initial: { hearingId: '', reason: '' } satisfies Values,
  availableFor: (detail) => scheduledHearings(detail).length > 0,
  fields: [
    {
      name: 'hearingId',
      kind: 'select',
      label: 'console.field.hearing',
      required: true,
      choices: scheduledHearingChoices,
    },
    { name: 'reason', kind: 'textarea', label: 'console.field.reason', required: true },
  ],
  pathParams: (v: Values) => ({ hearingId: v.hearingId }),
  toBody: (v: Values) => ({ reason: v.reason.trim() }),
});
