import { Title } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT } from '../../i18n/i18n-context';

export function IntakePage(): ReactNode {
  const t = useT();
  return <Title order={1}>{t('console.intake.title')}</Title>;
}
