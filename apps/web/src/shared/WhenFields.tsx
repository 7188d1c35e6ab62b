import { Group, NativeSelect, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';
import { inputTypeOf, PRECISIONS, type Precision, type WhenValues } from './occurred-at';

interface Props {
  readonly value: WhenValues;
  readonly onChange: (value: WhenValues) => void;
  readonly error?: ReactNode;
}

/**
 * When a fact happened, as precisely as the person knows it: the input follows the precision (a date and time, a day,
 * a month, a year, or nothing when it is not known). Native inputs: they work with the keyboard and screen readers
 * everywhere, and the time typed is read in the account's time zone (said in the hint).
 */
export function WhenFields({ value, onChange, error }: Props): ReactNode {
  const t = useT();
  const type = inputTypeOf(value.occurredAtPrecision);
  return (
    <Group align="flex-start" grow>
      <NativeSelect
        label={t('console.when.precision')}
        value={value.occurredAtPrecision}
        onChange={(event) => onChange({ occurredAtPrecision: event.currentTarget.value as Precision, occurredAt: '' })}
        data={PRECISIONS.map((p) => ({ value: p, label: t(`vocabulary.precision.${p}`) }))}
      />
      {type === null ? null : (
        <TextInput
          label={t('console.when.occurredAt')}
          description={t(value.occurredAtPrecision === 'exact' ? 'console.when.exactHint' : 'console.when.hint')}
          type={type}
          inputMode={type === 'number' ? 'numeric' : undefined}
          value={value.occurredAt}
          error={error}
          onChange={(event) => onChange({ ...value, occurredAt: event.currentTarget.value })}
        />
      )}
    </Group>
  );
}
