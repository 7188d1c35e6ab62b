import { SimpleGrid, Text, UnstyledButton } from '@mantine/core';
import type { ReactNode } from 'react';
import { caseStatusValues } from '../../api/schema';
import type { Stats } from '../../api/types';
import { useT } from '../../i18n/i18n-context';
import classes from './StatusTiles.module.css';

interface Props {
  readonly counts: Stats['byStatus'];
  readonly selected: string | null;
  readonly onSelect: (status: string | null) => void;
}

/** One tile per status with its count of open cases; a tile filters the list by its status (again: clears it). */
export function StatusTiles({ counts, selected, onSelect }: Props): ReactNode {
  const t = useT();
  return (
    <SimpleGrid cols={{ base: 2, sm: 5 }} spacing="xs" component="ul" className={classes.list}>
      {caseStatusValues.map((status) => (
        <li key={status}>
          <UnstyledButton
            className={classes.tile}
            data-selected={selected === status || undefined}
            aria-pressed={selected === status}
            onClick={() => onSelect(selected === status ? null : status)}
          >
            <Text size="xl" fw={700} component="span" display="block">
              {counts?.[status] ?? 0}
            </Text>
            <Text size="xs" component="span">
              {t(`vocabulary.caseStatus.${status}`)}
            </Text>
          </UnstyledButton>
        </li>
      ))}
    </SimpleGrid>
  );
}
