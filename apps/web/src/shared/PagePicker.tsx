import { Group, Pagination } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../i18n/i18n-context';

interface PagePickerProps {
  /** How many pages there are (at least one is shown). */
  readonly pages: number;
  readonly page: number;
  readonly onChange: (page: number) => void;
}

/** The pages of a long list, centred under it, each control named in the person's language for screen readers. */
export function PagePicker({ pages, page, onChange }: PagePickerProps): ReactNode {
  const t = useT();
  return (
    <Group justify="center">
      <Pagination
        total={Math.max(1, pages)}
        value={page}
        onChange={onChange}
        getControlProps={(control) => ({ 'aria-label': t(`console.board.page.${control}`) })}
        getItemProps={(n) => ({ 'aria-label': t('console.board.page.number', { page: n }) })}
      />
    </Group>
  );
}
