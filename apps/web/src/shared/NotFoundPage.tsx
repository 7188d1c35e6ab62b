import { Anchor, Stack, Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../i18n/i18n-context';

export function NotFoundPage(): ReactNode {
  const t = useT();
  return (
    <Stack>
      <Title order={1}>{t('console.notFound.title')}</Title>
      <Anchor component={Link} to="/board">
        {t('console.notFound.back')}
      </Anchor>
    </Stack>
  );
}
