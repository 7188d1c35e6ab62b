import { z } from 'zod';
import { bringChargeDtoCodeValues as CODES } from '../../../../api/schema';
import { choiceOf, given, optionalText } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z.object({
  code: choiceOf(CODES),
  article: optionalText(50),
  part: optionalText(50),
  title: optionalText(500),
});
type Values = z.infer<typeof schema>;

/** A charge: the article may not be known yet (absent means unknown, never "unknown" as an article). */
export const chargeForm = defineWriteForm({
  id: 'charge',
  path: '/v1/cases/{caseId}/charges',
  schema,
  initial: { code: '', article: '', part: '', title: '' } satisfies Values,
  fields: [
    {
      name: 'code',
      kind: 'select',
      label: 'console.field.chargeCode',
      required: true,
      vocabulary: { labels: 'vocabulary.chargeCode', values: CODES },
    },
    { name: 'article', kind: 'text', label: 'console.field.article', description: 'console.field.articleHint' },
    { name: 'part', kind: 'text', label: 'console.field.part' },
    { name: 'title', kind: 'text', label: 'console.field.chargeTitle' },
  ],
  toBody: (v: Values) => ({
    code: v.code === '' ? 'criminal' : v.code,
    article: given(v.article),
    part: given(v.part),
    title: given(v.title),
  }),
});
