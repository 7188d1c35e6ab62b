import { z } from 'zod';
import { recordComplaintResponseDtoOutcomeValues as OUTCOMES } from '../../../../api/schema';
import { choiceOf, given, optionalText, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { awaitingComplaintChoices, awaitingComplaints } from './case-choices';

const schema = z.object({
  complaintId: z.string().min(1, { message: REQUIRED }),
  outcome: choiceOf(OUTCOMES),
  reference: optionalText(200),
  note: optionalText(10000),
});
type Values = z.infer<typeof schema>;

/** The body a complaint was filed with answered it. */
export const complaintResponseForm = defineWriteForm({
  id: 'complaintResponse',
  path: '/v1/cases/{caseId}/complaints/{complaintId}/response',
  schema,
  initial: { complaintId: '', outcome: '', reference: '', note: '' } satisfies Values,
  availableFor: (detail) => awaitingComplaints(detail).length > 0,
  fields: [
    {
      name: 'complaintId',
      kind: 'select',
      label: 'console.field.complaint',
      required: true,
      choices: awaitingComplaintChoices,
    },
    {
      name: 'outcome',
      kind: 'select',
      label: 'console.field.complaintOutcome',
      required: true,
      vocabulary: { labels: 'vocabulary.complaintOutcome', values: OUTCOMES },
    },
    { name: 'reference', kind: 'text', label: 'console.field.responseReference' },
    { name: 'note', kind: 'textarea', label: 'console.field.note' },
  ],
  pathParams: (v: Values) => ({ complaintId: v.complaintId }),
  toBody: (v: Values) => ({
    outcome: v.outcome === '' ? 'other' : v.outcome,
    reference: given(v.reference),
    note: given(v.note),
  }),
});
