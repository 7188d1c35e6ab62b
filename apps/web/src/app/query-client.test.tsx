import { describe, expect, it } from 'vitest';
import { COORDINATOR } from '../../test/render';
import { ApiError } from '../api/errors';
import { createQueryClient } from './query-client';

const unauthenticated = (): ApiError =>
  new ApiError(401, { statusCode: 401, code: 'UNAUTHENTICATED', message: 'no', details: [] });

describe('an ended session', () => {
  it('is forgotten when a read answers 401 (signed out elsewhere, disabled, expired)', async () => {
    const client = createQueryClient();
    client.setQueryData(['session'], COORDINATOR);
    await client
      .fetchQuery({ queryKey: ['case', 'x'], queryFn: () => Promise.reject(unauthenticated()), retry: false })
      .catch(() => undefined);
    expect(client.getQueryData(['session'])).toBeNull();
  });

  it('is forgotten when a write answers 401, but a wrong password at sign-in is not an ended session', async () => {
    const client = createQueryClient();
    const write = () =>
      client
        .getMutationCache()
        .build(client, { mutationFn: () => Promise.reject(unauthenticated()) })
        .execute(undefined)
        .catch(() => undefined);

    await write();
    expect(client.getQueryData(['session'])).toBeUndefined();
    client.setQueryData(['session'], COORDINATOR);
    await write();
    expect(client.getQueryData(['session'])).toBeNull();
  });
});
