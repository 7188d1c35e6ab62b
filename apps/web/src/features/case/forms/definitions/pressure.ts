import { z } from 'zod';
import { reportPressureDtoKindValues as KINDS } from '../../../../api/schema';
import { given, optionalChoiceOf, optionalText, requiredText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  kind: optionalChoiceOf(KINDS),
  by: optionalText(300),
  details: requiredText(10000),
});
type Values = z.infer<typeof schema>;

/** Pressure on the detainee or the family that is not about one complaint. */
export const pressureForm = defineWriteForm({
  id: 'pressure',
  path: '/v1/cases/{caseId}/pressure',
  schema,
  initial: { kind: '', by: '', details: '' } satisfies Values,
  fields: [
    {
      name: 'kind',
      kind: 'select',
      label: 'console.field.pressureKind',
      vocabulary: { labels: 'vocabulary.pressureKind', values: KINDS },
    },
    { name: 'by', kind: 'text', label: 'console.field.pressureBy' },
    { name: 'details', kind: 'textarea', label: 'console.field.pressureDetails', required: true },
  ],
  toBody: (v: Values) => ({
    kind: v.kind === '' ? undefined : v.kind,
    by: given(v.by),
    details: v.details.trim(),
  }),
});
