import {
  Alert,
  Button,
  CopyButton,
  Group,
  Modal,
  NativeSelect,
  PasswordInput,
  Stack,
  Text,
  TextInput,
} from '@mantine/core';
import { LOCALES } from '@i18n-shared/locales';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, type ReactNode, useState } from 'react';
import { api } from '../../api/client';
import { ApiError, fieldErrors, toApiError } from '../../api/errors';
import type { components } from '../../api/schema';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { accountKeys, type ListedUser, type Role, ROLES, timeZones } from './api';

type CreateBody = components['schemas']['CreateUserDto'];
type UpdateBody = components['schemas']['UpdateUserDto'];
type Locale = NonNullable<UpdateBody['locale']>;

function isRole(value: string): value is Role {
  return ROLES.some((role) => role === value);
}
function isLocale(value: string): value is Locale {
  return LOCALES.some((locale) => locale === value);
}

function problemsOf(error: unknown): Record<string, string> {
  return error instanceof ApiError && error.status === 400 ? fieldErrors(error) : {};
}

/** A new account: email, name, role, a first password, time zone and language. */
export function CreateAccountDialog({ onClose }: { onClose: () => void }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [values, setValues] = useState({
    email: '',
    name: '',
    role: 'lawyer',
    password: '',
    timeZone: 'Asia/Almaty',
    locale: 'en',
  });
  const create = useMutation({
    mutationFn: async () => {
      const body: CreateBody = {
        email: values.email.trim(),
        name: values.name.trim(),
        role: isRole(values.role) ? values.role : 'lawyer',
        password: values.password,
        timeZone: values.timeZone,
        locale: isLocale(values.locale) ? values.locale : 'en',
      };
      const { data, error, response } = await api.POST('/v1/users', { body });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.list });
      onClose();
    },
  });
  const problems = problemsOf(create.error);
  const set = (name: keyof typeof values) => (event: { currentTarget: { value: string } }) =>
    setValues({ ...values, [name]: event.currentTarget.value });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('roles.accounts.create')}
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <TextInput
            required
            type="email"
            label={t('roles.accounts.email')}
            value={values.email}
            onChange={set('email')}
            error={problems.email}
          />
          <TextInput
            required
            label={t('roles.accounts.name')}
            value={values.name}
            onChange={set('name')}
            error={problems.name}
          />
          <NativeSelect
            required
            label={t('roles.accounts.role')}
            value={values.role}
            onChange={set('role')}
            data={ROLES.map((role) => ({ value: role, label: t(`vocabulary.role.${role}`) }))}
          />
          <PasswordInput
            required
            label={t('roles.accounts.password')}
            description={t('roles.accounts.passwordHint')}
            value={values.password}
            onChange={set('password')}
            error={problems.password}
          />
          <NativeSelect
            label={t('roles.accounts.timeZone')}
            value={values.timeZone}
            onChange={set('timeZone')}
            data={timeZones()}
          />
          <NativeSelect
            label={t('roles.accounts.language')}
            value={values.locale}
            onChange={set('locale')}
            data={LOCALES.map((locale) => ({ value: locale, label: t(`console.language.${locale}`) }))}
          />
          {create.isError && Object.keys(problems).length === 0 ? <ErrorAlert error={create.error} /> : null}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('roles.cancel')}
            </Button>
            <Button type="submit" loading={create.isPending}>
              {t('roles.accounts.createSubmit')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/** Role, time zone and language of an account (a change of role ends the account's sessions: the API's rule). */
export function EditAccountDialog({ account, onClose }: { account: ListedUser; onClose: () => void }): ReactNode {
  const t = useT();
  const queryClient = useQueryClient();
  const [role, setRole] = useState<string>(account.role);
  const [timeZone, setTimeZone] = useState(account.timeZone);
  // The list does not carry the language: empty leaves it as it is.
  const [locale, setLocale] = useState('');
  const save = useMutation({
    mutationFn: async () => {
      const body: UpdateBody = {};
      if (isRole(role) && role !== account.role) body.role = role;
      if (timeZone !== account.timeZone) body.timeZone = timeZone;
      if (isLocale(locale)) body.locale = locale;
      const { data, error, response } = await api.PATCH('/v1/users/{id}', {
        params: { path: { id: account.id } },
        body,
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
    onSuccess: async () => {
      await queryClient.invalidateQueries({ queryKey: accountKeys.list });
      onClose();
    },
  });
  const submit = (event: FormEvent): void => {
    event.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('roles.accounts.editTitle', { name: account.name })}
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
    >
      <form onSubmit={submit} noValidate>
        <Stack gap="sm">
          <NativeSelect
            label={t('roles.accounts.role')}
            value={role}
            onChange={(e) => setRole(e.currentTarget.value)}
            data={ROLES.map((r) => ({ value: r, label: t(`vocabulary.role.${r}`) }))}
          />
          <NativeSelect
            label={t('roles.accounts.timeZone')}
            value={timeZone}
            onChange={(e) => setTimeZone(e.currentTarget.value)}
            data={timeZones()}
          />
          <NativeSelect
            label={t('roles.accounts.language')}
            value={locale}
            onChange={(e) => setLocale(e.currentTarget.value)}
            data={[
              { value: '', label: t('roles.accounts.unchanged') },
              ...LOCALES.map((l) => ({ value: l, label: t(`console.language.${l}`) })),
            ]}
          />
          {save.isError ? <ErrorAlert error={save.error} /> : null}
          <Group justify="end">
            <Button variant="default" onClick={onClose}>
              {t('roles.cancel')}
            </Button>
            <Button type="submit" loading={save.isPending}>
              {t('roles.save')}
            </Button>
          </Group>
        </Stack>
      </form>
    </Modal>
  );
}

/**
 * A one-time link to set a new password. The API answers it once (only a digest is kept) and making it ends the
 * account's sessions, so the page asks first and then shows the link this once, to copy and hand over.
 */
export function PasswordResetDialog({ account, onClose }: { account: ListedUser; onClose: () => void }): ReactNode {
  const t = useT();
  const reset = useMutation({
    mutationFn: async () => {
      const { data, error, response } = await api.POST('/v1/users/{id}/password-reset', {
        params: { path: { id: account.id } },
      });
      if (data === undefined) throw toApiError(response.status, error);
      return data;
    },
  });
  return (
    <Modal
      opened
      onClose={onClose}
      title={t('roles.accounts.resetTitle', { name: account.name })}
      closeButtonProps={{ 'aria-label': t('console.common.close') }}
    >
      <Stack gap="sm">
        {reset.data ? (
          <Alert color="blue" title={t('roles.accounts.resetOnceTitle')}>
            <Stack gap="xs">
              <Text size="sm">{t('roles.accounts.resetOnce')}</Text>
              <TextInput
                label={t('roles.accounts.resetLink')}
                value={reset.data.url}
                readOnly
                onFocus={(e) => e.currentTarget.select()}
              />
              <CopyButton value={reset.data.url}>
                {({ copied, copy }) => (
                  <Button onClick={copy} variant="light" w="fit-content">
                    {copied ? t('roles.feed.copied') : t('roles.feed.copy')}
                  </Button>
                )}
              </CopyButton>
            </Stack>
          </Alert>
        ) : (
          <>
            <Text size="sm">{t('roles.accounts.resetExplain')}</Text>
            {reset.isError ? <ErrorAlert error={reset.error} /> : null}
            <Group justify="end">
              <Button variant="default" onClick={onClose}>
                {t('roles.cancel')}
              </Button>
              <Button onClick={() => reset.mutate()} loading={reset.isPending}>
                {t('roles.accounts.resetConfirm')}
              </Button>
            </Group>
          </>
        )}
      </Stack>
    </Modal>
  );
}
