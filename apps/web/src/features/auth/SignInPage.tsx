import { Button, Card, Center, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useForm } from '@mantine/form';
import { useMutation } from '@tanstack/react-query';
import { zod4Resolver } from 'mantine-form-zod-resolver';
import { type ReactNode, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { z } from 'zod';
import { api } from '../../api/client';
import { ApiError } from '../../api/errors';
import { useT } from '../../i18n/i18n-context';
import { ErrorAlert } from '../../shared/ErrorAlert';
import { useFieldError } from '../../shared/field-error';
import { NOT_EMAIL, REQUIRED } from '../../shared/validation';
import { openSession } from './session-api';
import { useSession } from './session-context';

const schema = z.object({
  email: z.string().trim().min(1, { message: REQUIRED }).email({ message: NOT_EMAIL }),
  password: z.string().min(1, { message: REQUIRED }),
  otp: z.string().trim(),
});
type Values = z.infer<typeof schema>;

/** Only a path of this console: `next` never sends the person to another site after signing in. */
function safeNext(next: string | null): string {
  return next !== null && next.startsWith('/') && !next.startsWith('//') ? next : '/board';
}

export function SignInPage(): ReactNode {
  const t = useT();
  const showError = useFieldError();
  const { session, signedIn } = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const next = safeNext(params.get('next'));
  const [needsCode, setNeedsCode] = useState(false);
  const form = useForm<Values>({ initialValues: { email: '', password: '', otp: '' }, validate: zod4Resolver(schema) });

  const signIn = useMutation({
    mutationFn: (values: Values) =>
      openSession(api, { email: values.email.trim(), password: values.password, otp: values.otp || undefined }),
    onSuccess: async (answer) => {
      signedIn(answer);
      await navigate(next, { replace: true });
    },
    onError: (error) => {
      if (error instanceof ApiError && error.code === 'SECOND_FACTOR_REQUIRED') {
        if (needsCode) form.setFieldError('otp', 'console.signIn.codeRefused');
        setNeedsCode(true);
      }
    },
  });

  if (session !== null) return <Navigate to={next} replace />;
  const secondFactorAsked = signIn.error instanceof ApiError && signIn.error.code === 'SECOND_FACTOR_REQUIRED';

  return (
    <Center mih="100vh" p="md">
      <Card withBorder shadow="sm" padding="xl" w={380} component="main">
        <form
          noValidate
          onSubmit={form.onSubmit((values) => {
            if (needsCode && values.otp === '') {
              form.setFieldError('otp', REQUIRED);
              return;
            }
            signIn.mutate(values);
          })}
        >
          <Stack>
            <Title order={1} size="h3">
              {t('console.signIn.title')}
            </Title>
            {signIn.isError && !secondFactorAsked ? <ErrorAlert error={signIn.error} /> : null}
            <TextInput
              label={t('console.signIn.email')}
              type="email"
              autoComplete="username"
              required
              data-autofocus
              {...form.getInputProps('email')}
              error={showError(form.errors.email)}
            />
            <PasswordInput
              label={t('console.signIn.password')}
              autoComplete="current-password"
              required
              {...form.getInputProps('password')}
              error={showError(form.errors.password)}
            />
            {needsCode ? (
              <TextInput
                label={t('console.signIn.code')}
                description={t('console.signIn.codeHint')}
                autoComplete="one-time-code"
                inputMode="numeric"
                required
                autoFocus
                {...form.getInputProps('otp')}
                error={showError(form.errors.otp)}
              />
            ) : null}
            <Button type="submit" loading={signIn.isPending}>
              {t('console.signIn.submit')}
            </Button>
          </Stack>
        </form>
      </Card>
    </Center>
  );
}
