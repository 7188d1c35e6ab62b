import { Anchor, AppShell, Burger, Button, Group, NativeSelect, Stack, Text, VisuallyHidden } from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { LOCALES, isLocale } from '@i18n-shared/locales';
import { type ReactNode, Suspense } from 'react';
import { NavLink, Outlet, useNavigate } from 'react-router';
import { useSession, useUser } from '../features/auth/session-context';
import { useI18n, useT } from '../i18n/i18n-context';
import { OfflineBanner } from '../offline/ui/OfflineBanner';
import { UnlockPrompt } from '../offline/ui/UnlockPrompt';
import { useOfflineRunner } from '../offline/ui/use-offline-runner';
import { PageLoader } from '../shared/PageLoader';
import classes from './Layout.module.css';
import { roleLinks } from './role-links';

/** Below this breakpoint the side navigation folds behind a burger: a phone has no room for both. */
const NAV_BREAKPOINT = 'sm';

/**
 * The frame of every signed-in page. The pages are listed in a side navigation, which holds any number of them in any
 * language (a Kazakh label wraps onto a second line rather than pushing the header's controls out of sight); the
 * header keeps only the account: the language, who is signed in, sign-out.
 */
export function Layout(): ReactNode {
  const t = useT();
  const { translator, setLocale } = useI18n();
  const user = useUser();
  const { signOut } = useSession();
  const navigate = useNavigate();
  const [navOpened, nav] = useDisclosure(false);
  const mayRecord = user.role === 'coordinator' || user.role === 'lawyer';
  const links = [
    { to: '/board', label: 'console.nav.board' },
    ...(mayRecord ? [{ to: '/intake', label: 'console.nav.intake' }] : []),
    ...roleLinks(user.role),
    ...(mayRecord ? [{ to: '/offline', label: 'offline.nav' }] : []),
  ];
  useOfflineRunner(user);

  const onSignOut = async (): Promise<void> => {
    await signOut();
    await navigate('/sign-in', { replace: true });
  };

  return (
    <AppShell
      header={{ height: 60 }}
      navbar={{ width: 220, breakpoint: NAV_BREAKPOINT, collapsed: { mobile: !navOpened } }}
      padding="md"
    >
      <a href="#main" className={classes.skip}>
        {t('console.layout.skipToContent')}
      </a>
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between" wrap="nowrap">
          <Group gap="sm" wrap="nowrap">
            <Burger
              opened={navOpened}
              onClick={nav.toggle}
              hiddenFrom={NAV_BREAKPOINT}
              size="sm"
              aria-label={t('console.layout.navigation')}
              aria-expanded={navOpened}
            />
            <Text fw={700} component="span">
              {t('console.app.name')}
            </Text>
          </Group>
          <Group gap="sm" wrap="nowrap">
            {/* Wide enough for the longest language name ("Қазақша", "Русский") beside the select's arrow. */}
            <NativeSelect
              size="xs"
              w={120}
              className={classes.fixed}
              aria-label={t('console.layout.language')}
              value={translator.locale}
              onChange={(event) => {
                const value = event.currentTarget.value;
                if (isLocale(value)) setLocale(value);
              }}
              data={LOCALES.map((locale) => ({ value: locale, label: t(`console.language.${locale}`) }))}
            />
            <Text size="sm" component="span" visibleFrom="md" className={classes.user}>
              <VisuallyHidden>{t('console.layout.signedInAs')}</VisuallyHidden>
              {t('console.layout.user', { name: user.name, role: t(`vocabulary.role.${user.role}`) })}
            </Text>
            <Button size="xs" variant="default" className={classes.fixed} onClick={() => void onSignOut()}>
              {t('console.layout.signOut')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="md" aria-label={t('console.layout.navigation')}>
        <Stack gap="xs">
          {links.map((link) => (
            <Anchor key={link.to} component={NavLink} to={link.to} className={classes.link} onClick={nav.close}>
              {t(link.label)}
            </Anchor>
          ))}
        </Stack>
      </AppShell.Navbar>
      <AppShell.Main id="main" tabIndex={-1}>
        {mayRecord ? <OfflineBanner /> : null}
        {mayRecord ? <UnlockPrompt accountId={user.id} /> : null}
        <Suspense fallback={<PageLoader />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
