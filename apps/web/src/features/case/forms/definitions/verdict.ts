import { z } from 'zod';
import { deliverVerdictDtoOutcomeValues as OUTCOMES, sentenceDtoKindValues as SENTENCES } from '../../../../api/schema';
import { choiceOf, optionalChoiceOf, optionalWholeNumber, REQUIRED } from '../../../../shared/validation';
import { defineWriteForm } from '../registry';

const schema = z
  .object({
    outcome: choiceOf(OUTCOMES),
    sentenceKind: optionalChoiceOf(SENTENCES),
    sentenceMonths: optionalWholeNumber(1200),
  })
  // A sentence follows a conviction only; its length needs to say what it is a length of.
  .refine((v) => v.sentenceKind === '' || v.outcome === 'convicted', {
    path: ['sentenceKind'],
    message: 'console.validation.sentenceOnlyConvicted',
  })
  .refine((v) => v.sentenceMonths === '' || v.sentenceKind !== '', { path: ['sentenceKind'], message: REQUIRED });
type Values = z.infer<typeof schema>;

/** The court's verdict, and with a conviction the sentence when it is known. */
export const verdictForm = defineWriteForm({
  id: 'verdict',
  path: '/v1/cases/{caseId}/verdict',
  schema,
  initial: { outcome: '', sentenceKind: '', sentenceMonths: '' } satisfies Values,
  availableFor: (detail) => detail.verdict === null,
  fields: [
    {
      name: 'outcome',
      kind: 'select',
      label: 'console.field.verdictOutcome',
      required: true,
      vocabulary: { labels: 'vocabulary.verdictOutcome', values: OUTCOMES },
    },
    {
      name: 'sentenceKind',
      kind: 'select',
      label: 'console.field.sentenceKind',
      description: 'console.field.sentenceKindHint',
      vocabulary: { labels: 'vocabulary.sentenceKind', values: SENTENCES },
      apiField: 'sentence.kind',
    },
    { name: 'sentenceMonths', kind: 'number', label: 'console.field.sentenceMonths', apiField: 'sentence.months' },
  ],
  toBody: (v: Values) => ({
    outcome: v.outcome === '' ? 'case_closed' : v.outcome,
    sentence:
      v.sentenceKind === ''
        ? undefined
        : { kind: v.sentenceKind, months: v.sentenceMonths === '' ? undefined : Number(v.sentenceMonths) },
  }),
});
