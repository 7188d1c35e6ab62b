import { Checkbox, MultiSelect, NativeSelect, Textarea, TextInput } from '@mantine/core';
import type { ReactNode } from 'react';
import { CasePicker } from './CasePicker';
import type { FieldContext, FieldSpec } from './registry';
import { UserPicker } from './UserPicker';

interface Props {
  readonly field: FieldSpec;
  readonly context: FieldContext;
  readonly inputProps: {
    value: unknown;
    onChange: (value: unknown) => void;
    error?: ReactNode;
    onFocus?: () => void;
    onBlur?: () => void;
  };
}

/** One field of a registered form, labelled from the catalogue; choices from the contract's vocabulary or the case. */
export function FieldInput({ field, context, inputProps }: Props): ReactNode {
  const { t } = context;
  const common = {
    label: t(field.label),
    description: field.description ? t(field.description) : undefined,
    required: field.required,
    error: inputProps.error,
    onFocus: inputProps.onFocus,
    onBlur: inputProps.onBlur,
  };
  const choices = field.choices
    ? field.choices(context)
    : (field.vocabulary?.values ?? []).map((value) => ({ value, label: t(`${field.vocabulary?.labels}.${value}`) }));
  const text = typeof inputProps.value === 'string' ? inputProps.value : '';

  switch (field.kind) {
    case 'user':
    case 'case': {
      const Picker = field.kind === 'user' ? UserPicker : CasePicker;
      return <Picker {...common} field={field} context={context} value={text} onChange={inputProps.onChange} />;
    }
    case 'select':
      return (
        <NativeSelect
          {...common}
          value={text}
          onChange={(event) => inputProps.onChange(event.currentTarget.value)}
          data={[{ value: '', label: t(field.required ? 'console.form.choose' : 'console.form.notKnown') }, ...choices]}
        />
      );
    case 'multiselect':
      return (
        <MultiSelect
          {...common}
          data={choices}
          value={Array.isArray(inputProps.value) ? (inputProps.value as string[]) : []}
          onChange={(value) => inputProps.onChange(value)}
          searchable
          clearable
        />
      );
    case 'checkbox':
      return (
        <Checkbox
          label={common.label}
          description={common.description}
          error={common.error}
          checked={inputProps.value === true}
          onChange={(event) => inputProps.onChange(event.currentTarget.checked)}
        />
      );
    case 'textarea':
      return (
        <Textarea
          {...common}
          autosize
          minRows={2}
          value={text}
          onChange={(event) => inputProps.onChange(event.currentTarget.value)}
        />
      );
    default:
      return (
        <TextInput
          {...common}
          type={
            field.kind === 'datetime'
              ? 'datetime-local'
              : field.kind === 'date'
                ? 'date'
                : field.kind === 'number'
                  ? 'number'
                  : 'text'
          }
          value={text}
          onChange={(event) => inputProps.onChange(event.currentTarget.value)}
        />
      );
  }
}
