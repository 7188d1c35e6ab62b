import { Alert, Button, Group, NativeSelect, Stack, Table, Text } from '@mantine/core';
import { type FormEvent, type ReactNode, useState } from 'react';
import { useT } from '../../i18n/i18n-context';
import { DataTable } from '../../shared/DataTable';
import type { ImportKind, ImportUploaded, Mapping } from './api';
import { fieldsTwice, missingRequired, withColumn } from './fields';

interface Props {
  readonly upload: ImportUploaded;
  readonly kind: ImportKind;
  /** The mapping to start from: the suggested one, or what the person had before going back. */
  readonly initial: Mapping;
  readonly checking: boolean;
  readonly onCheck: (mapping: Mapping) => void;
  /** While the rows are being committed, the mapping they go by stays as it is. */
  readonly locked: boolean;
}

/** Each column of the list with its first values and the field it goes to, preset to what the header suggests. */
export function MappingForm({ upload, kind, initial, checking, onCheck, locked }: Props): ReactNode {
  const t = useT();
  const [mapping, setMapping] = useState<Mapping>(initial);
  const twice = fieldsTwice(mapping);
  const missing = missingRequired(kind, mapping);
  const options = [
    { value: '', label: t('console.imports.notImported') },
    ...upload.fields.map((field) => ({ value: field, label: t(`imports.field.${field}`) })),
  ];

  const submit = (event: FormEvent): void => {
    event.preventDefault();
    if (!missing && twice.size === 0 && !locked) onCheck(mapping);
  };

  return (
    <form onSubmit={submit} noValidate>
      <Stack>
        <Text>{t('console.imports.mappingIntro', { rows: upload.rows, columns: upload.columns.length })}</Text>
        {/* Two columns, the first values under the column's name: the table fits a phone's width. */}
        <DataTable
          columns={[t('console.imports.column'), t('console.imports.field')]}
          rows={upload.columns}
          minWidth={320}
          row={(column) => {
            const field = mapping[column.name] ?? '';
            return (
              <Table.Tr key={column.name}>
                <Table.Th scope="row" fw={500}>
                  {column.name}
                  <Text size="sm" c="dimmed" fw={400} lineClamp={3}>
                    {column.sample.length === 0 ? t('console.imports.noSample') : column.sample.join(' · ')}
                  </Text>
                </Table.Th>
                <Table.Td w="45%">
                  <NativeSelect
                    aria-label={t('console.imports.fieldFor', { column: column.name })}
                    data={options}
                    value={field}
                    disabled={locked}
                    error={twice.has(field) ? t('console.imports.fieldTwice') : undefined}
                    onChange={(event) => setMapping(withColumn(mapping, column.name, event.currentTarget.value))}
                  />
                </Table.Td>
              </Table.Tr>
            );
          }}
        />
        {missing ? (
          <Alert color="yellow" role="status">
            {t(kind === 'cases' ? 'console.imports.needName' : 'console.imports.needNameOrCase')}
          </Alert>
        ) : null}
        <Group>
          <Button type="submit" loading={checking} disabled={missing || twice.size > 0 || locked}>
            {t('console.imports.check')}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
