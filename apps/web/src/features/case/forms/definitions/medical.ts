import { z } from 'zod';
import { recordMedicalFactDtoKindValues as KINDS } from '../../../../api/schema';
import { choiceOf, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  kind: choiceOf(KINDS),
  details: requiredText(10000),
});
type Values = z.infer<typeof schema>;

/** The person's health in custody: a need, care refused, a hospital stay begun or ended. */
export const medicalForm = defineWriteForm({
  id: 'medical',
  path: '/v1/cases/{caseId}/medical',
  schema,
  initial: { kind: '', details: '' } satisfies Values,
  fields: [
    {
      name: 'kind',
      kind: 'select',
      label: 'console.field.medicalKind',
      required: true,
      vocabulary: { labels: 'vocabulary.medicalKind', values: KINDS },
    },
    { name: 'details', kind: 'textarea', label: 'console.field.details', required: true },
  ],
  toBody: (v: Values) => ({ kind: v.kind === '' ? 'need' : v.kind, details: v.details.trim() }),
});
