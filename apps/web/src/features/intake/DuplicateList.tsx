import { Anchor, Button, Group, List, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/i18n-context';

export interface DuplicateItem {
  readonly caseId: string;
  readonly fullName: string;
  readonly city?: string | null;
  readonly score?: number;
}

interface Props {
  readonly items: readonly DuplicateItem[];
  /** Offered to coordinators once the new case exists: merge it into this one. */
  readonly onMerge?: (item: DuplicateItem) => void;
}

/** Cases that may be about the same person, each a link (in a new tab: the form keeps what was typed). */
export function DuplicateList({ items, onMerge }: Props): ReactNode {
  const t = useT();
  return (
    <List size="sm" spacing={4}>
      {items.map((item) => (
        <List.Item key={item.caseId}>
          <Group gap="xs">
            <Anchor component={Link} to={`/cases/${item.caseId}`} target="_blank">
              {item.fullName}
            </Anchor>
            <Text size="xs" c="dimmed" component="span">
              {item.city ?? t('console.case.unknown')}
              {item.score !== undefined
                ? ` · ${t('console.intake.score', { score: Math.round(item.score * 100) })}`
                : ''}
            </Text>
            {onMerge ? (
              <Button size="compact-xs" variant="light" onClick={() => onMerge(item)}>
                {t('console.intake.mergeInto')}
              </Button>
            ) : null}
          </Group>
        </List.Item>
      ))}
    </List>
  );
}
