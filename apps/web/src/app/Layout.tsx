import { Anchor, AppShell, Button, Group, NativeSelect, Text, VisuallyHidden } from '@mantine/core';
import { LOCALES, isLocale } from '@i18n-shared/locales';
import { type ReactNode, Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession, useUser } from '../features/auth/session-context';
import { useI18n, useT } from '../i18n/i18n-context';
import { PageLoader } from '../shared/PageLoader';
import classes from './Layout.module.css';
import { roleLinks } from './role-links';

/** The frame of every signed-in page: navigation, the language switch, who is signed in, sign-out. */
export function Layout(): ReactNode {
  const t = useT();
  const { translator, setLocale } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const mayRecord = user.role === 'coordinator' || user.role === 'lawyer';

  const onSignOut = async (): Promise<void> => {
    await signOut();
    await navigate('/sign-in', { replace: true });
  };

  return (
    <AppShell header={{ height: 60 }} padding="md">
      <a href="#main" className={classes.skip}>
        {t('console.layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="lg" wrap="nowrap" component="nav" aria-label={t('console.layout.navigation')}>
            <Text fw={700} component="span">
              {t('console.app.name')}
            </Text>
            <Anchor component={NavLink} to="/board" className={classes.link}>
              {t('console.nav.board')}
            </Anchor>
            {mayRecord ? (
              <Anchor component={NavLink} to="/intake" className={classes.link}>
                {t('console.nav.intake')}
              </Anchor>
            ) : null}
            {roleLinks(user.role).map((link) => (
              <Anchor
                key={link.to}
                component={NavLink}
                to={link.to}
                className={classes.link}
                style={{ whiteSpace: 'nowrap' }}
              >
                {t(link.label)}
              </Anchor>
            ))}
          </Group>
          <Group gap="sm" wrap="nowrap">
            <NativeSelect
              size="xs"
              aria-label={t('console.layout.language')}
              value={translator.locale}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLocale(value)) setLocale(value);
              }}
              data={LOCALES.map((locale) => ({ value: locale, label: t(`console.language.${locale}`) }))}
            />
            <Text size="sm" component="span">
              <VisuallyHidden>{t('console.layout.signedInAs')}</VisuallyHidden>
              {t('console.layout.user', { name: user.name, role: t(`vocabulary.role.${user.role}`) })}
            </Text>
            <Button size="xs" variant="default" onClick={() => void onSignOut()}>
              {t('console.layout.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Main id="main" tabIndex={-1}>
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
