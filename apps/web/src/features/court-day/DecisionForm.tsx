import { Button, Group, NativeSelect, TextInput } from '@mantine/core';
import { type FormEvent, Fragment, type ReactNode, useState } from 'react';
import { hearingDecisionDtoGroundsValues as GROUNDS } from '../../api/schema';
import { useT } from '../../i18n/i18n-context';
import { useFieldError } from '../../shared/field-error';
import {
  DECISION_FIELDS,
  DECISION_INITIAL,
  decisionErrors,
  type DecisionField,
  type DecisionKind,
  type DecisionValues,
  takesDetails,
} from './decision';

interface Props {
  readonly kind: DecisionKind;
  /** The person's name, so that every field names whose hearing it is for a screen reader. */
  readonly name: string;
  readonly busy: boolean;
  /** Field errors the API gave, by the form's field names. */
  readonly serverErrors?: Partial<Record<keyof DecisionValues, string>>;
  readonly onSubmit: (values: DecisionValues) => void;
  readonly onCancel: () => void;
}

const TRISTATE = ['', 'yes', 'no'] as const;

/**
 * One decision's compact form on its row: only what that decision needs, then how the hearing went. The first field
 * takes the focus; Enter records, Escape closes.
 */
export function DecisionForm({ kind, name, busy, serverErrors, onSubmit, onCancel }: Props): ReactNode {
  const t = useT();
  const showError = useFieldError();
  const [values, setValues] = useState<DecisionValues>(DECISION_INITIAL);
  const [errors, setErrors] = useState<Partial<Record<keyof DecisionValues, string>>>({});
  const shown = { ...serverErrors, ...errors };
  const set = (field: keyof DecisionValues) => (value: string) => setValues((v) => ({ ...v, [field]: value }));
  const label = (key: string): string => t('console.courtDay.fieldFor', { field: t(key), name });

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    const found = decisionErrors(kind, values);
    setErrors(found);
    if (Object.keys(found).length === 0) onSubmit(values);
  };

  const field = ({ name: fieldName, required }: { name: DecisionField; required: boolean }, first: boolean) => {
    const common = {
      required,
      'data-autofocus': first ? true : undefined,
      autoFocus: first,
      error: showError(shown[fieldName]),
      size: 'xs' as const,
    };
    switch (fieldName) {
      case 'until':
        return (
          <TextInput
            {...common}
            type="date"
            label={label('console.courtDay.field.until')}
            value={values.until}
            onChange={(e) => set('until')(e.currentTarget.value)}
          />
        );
      case 'scheduledAt':
        return (
          <TextInput
            {...common}
            type="datetime-local"
            label={label('console.courtDay.field.scheduledAt')}
            value={values.scheduledAt}
            onChange={(e) => set('scheduledAt')(e.currentTarget.value)}
          />
        );
      case 'days':
        return (
          <TextInput
            {...common}
            inputMode="numeric"
            w={110}
            label={label('console.courtDay.field.days')}
            value={values.days}
            onChange={(e) => set('days')(e.currentTarget.value)}
          />
        );
      case 'amount':
        return (
          <TextInput
            {...common}
            inputMode="decimal"
            w={150}
            label={label('console.courtDay.field.amount')}
            description={values.currency}
            value={values.amount}
            onChange={(e) => set('amount')(e.currentTarget.value)}
          />
        );
      case 'grounds':
        return (
          <NativeSelect
            {...common}
            label={label('console.courtDay.field.grounds')}
            value={values.grounds}
            onChange={(e) => set('grounds')(e.currentTarget.value)}
            data={[
              { value: '', label: t('console.courtDay.notSaid') },
              ...GROUNDS.map((g) => ({ value: g, label: t(`vocabulary.releaseGrounds.${g}`) })),
            ]}
          />
        );
    }
  };

  const fields = DECISION_FIELDS[kind];
  const tristate = (fieldName: 'defendantHeard' | 'lawyerPresent') => (
    <NativeSelect
      size="xs"
      w={150}
      label={label(`console.courtDay.field.${fieldName}`)}
      value={values[fieldName]}
      onChange={(e) => set(fieldName)(e.currentTarget.value)}
      data={TRISTATE.map((v) => ({ value: v, label: t(`console.courtDay.answer.${v === '' ? 'unknown' : v}`) }))}
    />
  );

  return (
    <form
      noValidate
      onSubmit={submit}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
      aria-label={t('console.courtDay.formFor', { decision: t(`console.courtDay.decision.${kind}`), name })}
    >
      <Group align="flex-end" gap="xs" wrap="wrap">
        {fields.map((f, index) => (
          <Fragment key={f.name}>{field(f, index === 0)}</Fragment>
        ))}
        {takesDetails(kind) ? (
          <>
            <TextInput
              size="xs"
              w={110}
              inputMode="numeric"
              autoFocus={fields.length === 0}
              label={label('console.courtDay.field.durationMinutes')}
              value={values.durationMinutes}
              error={showError(shown.durationMinutes)}
              onChange={(e) => set('durationMinutes')(e.currentTarget.value)}
            />
            {tristate('defendantHeard')}
            {tristate('lawyerPresent')}
          </>
        ) : null}
        <Button size="xs" type="submit" loading={busy}>
          {t('console.courtDay.record')}
        </Button>
        <Button size="xs" variant="default" onClick={onCancel}>
          {t('console.form.cancel')}
        </Button>
      </Group>
    </form>
  );
}
