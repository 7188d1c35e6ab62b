import { z } from 'zod';
import { given, optionalText, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';
import { activeCharges, chargeChoices } from './case-choices';

/** The API's shape of an article or a part of a code (`272`, `255-1`, `3.1`). */
const LEGAL_NUMBER = /^\d{1,4}(?:[.-]\d{1,4}){0,3}(?:-?\p{L})?$/u;
const NOT_LEGAL_NUMBER = 'console.validation.legalNumber';

const schema = z.object({
  chargeId: z.string().min(1, { message: REQUIRED }),
  article: z.string().trim().min(1, { message: REQUIRED }).regex(LEGAL_NUMBER, { message: NOT_LEGAL_NUMBER }),
  part: z
    .string()
    .trim()
    .refine((v) => v === '' || LEGAL_NUMBER.test(v), { message: NOT_LEGAL_NUMBER }),
  title: optionalText(300),
});
type Values = z.infer<typeof schema>;

/** An active charge is now under another article (the new qualification replaces the old one). */
export const requalifyChargeForm = defineWriteForm({
  id: 'requalifyCharge',
  path: '/v1/cases/{caseId}/charges/{chargeId}/requalify',
  schema,
  initial: { chargeId: '', article: '', part: '', title: '' } satisfies Values,
  availableFor: (detail) => activeCharges(detail).length > 0,
  fields: [
    { name: 'chargeId', kind: 'select', label: 'console.field.charge', required: true, choices: chargeChoices },
    { name: 'article', kind: 'text', label: 'console.field.newArticle', required: true },
    { name: 'part', kind: 'text', label: 'console.field.part' },
    { name: 'title', kind: 'text', label: 'console.field.chargeTitle' },
  ],
  pathParams: (v: Values) => ({ chargeId: v.chargeId }),
  toBody: (v: Values) => ({ article: v.article.trim(), part: given(v.part), title: given(v.title) }),
});
