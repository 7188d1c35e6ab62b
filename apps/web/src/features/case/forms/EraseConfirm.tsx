import { Button, Group, List, Modal, Stack, Text, TextInput } from '@mantine/core';
import { type ReactNode, useState } from 'react';
import { useT } from '../../../i18n/i18n-context';
import type { ConfirmProps } from './registry';

/** Names compare as people type them: letters composed alike, spaces at the ends ignored. */
const sameName = (typed: string, name: string): boolean =>
  typed.normalize('NFC').trim() === name.normalize('NFC').trim();

/**
 * The last step before an erasure: what is destroyed, said plainly, and the person's full name typed to go on. The
 * button stays disabled until the name matches, so no click or Enter erases by accident.
 */
export function EraseConfirm({ detail, onConfirm, onCancel }: ConfirmProps): ReactNode {
  const t = useT();
  const [typed, setTyped] = useState('');
  const matches = sameName(typed, detail.fullName);
  return (
    <Modal
      opened
      onClose={onCancel}
      title={t('console.erase.title', { name: detail.fullName })}
      size="lg"
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
    >
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          // The dialog is portalled out of the write form, but React still bubbles its submit to that form.
          event.stopPropagation();
          if (matches) onConfirm();
        }}
      >
        <Stack>
          <Text size="sm">{t('console.erase.destroys', { name: detail.fullName })}</Text>
          <List size="sm">
            <List.Item>{t('console.erase.identity')}</List.Item>
            <List.Item>{t('console.erase.testimony')}</List.Item>
            <List.Item>{t('console.erase.texts')}</List.Item>
            <List.Item>{t('console.erase.everywhere')}</List.Item>
          </List>
          <Text size="sm">{t('console.erase.kept')}</Text>
          <Text size="sm" fw={700}>
            {t('console.erase.irreversible')}
          </Text>
          <TextInput
            label={t('console.erase.typeName', { name: detail.fullName })}
            value={typed}
            onChange={(event) => setTyped(event.currentTarget.value)}
            autoComplete="off"
            data-autofocus
          />
          <Group justify="flex-end">
            <Button variant="default" onClick={onCancel}>
              {t('console.erase.back')}
            </Button>
            <Button type="submit" color="red" disabled={!matches}>
              {t('console.erase.confirm')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}
