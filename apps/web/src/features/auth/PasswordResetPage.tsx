import { Alert, Anchor, Button, Card, Center, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useEffect, useState } from 'react';
import { Link, useLocation, useNavigate } from 'react-router';
import { z } from 'zod';
import { api } from '../../api/client';
import { ApiError, fieldErrors } from '../../api/errors';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFieldError } from '../../shared/field-error';
import { REQUIRED, TOO_LONG } from '../../shared/validation';
import { setPasswordWithLink, tokenFromFragment } from './password-reset-api';

/** The API's rule (UsePasswordResetDto): at least 12 characters, at most 1000. */
export const MIN_PASSWORD = 12;

const schema = z
  .object({
    newPassword: z
      .string()
      .min(1, { message: REQUIRED })
      .min(MIN_PASSWORD, { message: 'console.passwordReset.tooShort' })
      .max(1000, { message: TOO_LONG }),
    repeat: z.string().min(1, { message: REQUIRED }),
  })
  .refine((values) => values.newPassword === values.repeat, {
    message: 'console.passwordReset.mismatch',
    path: ['repeat'],
  });
type Values = z.infer<typeof schema>;

/**
 * The page an admin's one-time link opens (`/password-reset#<token>`), without a session. The token is read from the
 * fragment (which no server ever receives) once, kept in memory only, and taken out of the address bar at once, so it
 * stays out of the history, bookmarks and anything a screen share shows; it is sent only to POST
 * /v1/auth/password-reset. Then the person signs in with the new password.
 */
export function PasswordResetPage(): ReactNode {
  const t = useT();
  const showError = useFieldError();
  const location = useLocation();
  const navigate = useNavigate();
  // Read once, on the first render: the address bar loses it right after.
  const [token] = useState(() => tokenFromFragment(location.hash));
  const form = useForm<Values>({ initialValues: { newPassword: '', repeat: '' }, validate: zod4Resolver(schema) });

  useEffect(() => {
    if (location.hash !== '') void navigate({ pathname: location.pathname, search: '', hash: '' }, { replace: true });
  }, [location.hash, location.pathname, navigate]);

  const reset = useMutation({
    mutationFn: (values: Values) => setPasswordWithLink(api, token ?? '', values.newPassword),
    onError: (error) => {
      // A weak password is refused with details on `newPassword`: shown on the field, in the API's words.
      const refused = error instanceof ApiError ? fieldErrors(error).newPassword : undefined;
      if (refused !== undefined) form.setFieldError('newPassword', refused);
    },
  });
  const fieldRefused = reset.error instanceof ApiError && fieldErrors(reset.error).newPassword !== undefined;

  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={420} component="main">
        <Stack>
          <Title order={1} size="h3">
            {t('console.passwordReset.title')}
          </Title>
          {reset.isSuccess ? (
            <>
              <Alert color="green" role="status" title={t('console.passwordReset.doneTitle')}>
                {t('console.passwordReset.doneText')}
              </Alert>
              <Button component={Link} to="/sign-in" replace>
                {t('console.passwordReset.toSignIn')}
              </Button>
            </>
          ) : token === null ? (
            <>
              <Alert color="red" role="alert" title={t('console.passwordReset.noTokenTitle')}>
                {t('console.passwordReset.noTokenText')}
              </Alert>
              <Anchor component={Link} to="/sign-in">
                {t('console.passwordReset.toSignIn')}
              </Anchor>
            </>
          ) : (
            <form noValidate onSubmit={form.onSubmit((values) => reset.mutate(values))}>
              <Stack>
                <Text size="sm">{t('console.passwordReset.intro')}</Text>
                {reset.isError && !fieldRefused ? <ErrorAlert error={reset.error} /> : null}
                <PasswordInput
                  label={t('console.passwordReset.newPassword')}
                  description={t('console.passwordReset.newPasswordHint', { min: MIN_PASSWORD })}
                  autoComplete="new-password"
                  required
                  data-autofocus
                  {...form.getInputProps('newPassword')}
                  error={showError(form.errors.newPassword)}
                />
                <PasswordInput
                  label={t('console.passwordReset.repeat')}
                  autoComplete="new-password"
                  required
                  {...form.getInputProps('repeat')}
                  error={showError(form.errors.repeat)}
                />
                <Button type="submit" loading={reset.isPending}>
                  {t('console.passwordReset.submit')}
                </Button>
                <Anchor component={Link} to="/sign-in" size="sm">
                  {t('console.passwordReset.toSignIn')}
                </Anchor>
              </Stack>
            </form>
          )}
        </Stack>
      </Card>
    </Center>
  );
}
