import { hashPassword, verifyAgainstDummy, verifyPassword } from './passwords';

/**
 * Made with the `argon2` package (0.45.1, node-gyp binding) before the switch to `@node-rs/argon2`, with the
 * parameters the accounts were created with. Its PHC string orders the parameters m,p,t (not m,t,p): existing
 * databases hold exactly these strings, so they must keep verifying.
 */
const MADE_BEFORE_THE_SWITCH: Array<[password: string, hash: string]> = [
  [
    'correct horse battery staple',
    '$argon2id$v=19$m=65536,p=1,t=3$O69U8vfWo6GbBy7Pr66Vog$N/ixLJUbtAuKYAfYDTF3IX6AcwgnwV6RUsmzKapObLc',
  ],
  [
    'Пароль-защитника 🔒 2026',
    '$argon2id$v=19$m=65536,p=1,t=3$768K47T1tGMSg6EFkqKXbA$8Po1BH4cuexkzETw5NqngC6hfy4DSPXp1cMzqGGHdig',
  ],
];

/** The PHC string's parameters as a map, whatever their order. */
function phcParameters(hash: string): { algorithm: string; version: string; params: Record<string, string> } {
  const [, algorithm = '', version = '', params = ''] = hash.split('$');
  return {
    algorithm,
    version,
    params: Object.fromEntries(params.split(',').map((pair) => pair.split('=') as [string, string])),
  };
}

describe('passwords (argon2id)', () => {
  it.each(MADE_BEFORE_THE_SWITCH)(
    'still accepts %j against its hash made by the previous binding',
    async (password, hash) => {
      await expect(verifyPassword(hash, password)).resolves.toBe(true);
    },
  );

  it.each(MADE_BEFORE_THE_SWITCH)('refuses a wrong password against the hash of %j', async (password, hash) => {
    await expect(verifyPassword(hash, `${password}!`)).resolves.toBe(false);
    await expect(verifyPassword(hash, password.toUpperCase())).resolves.toBe(false);
  });

  it('hashes with argon2id, 64 MiB, t=3, p=1 and a fresh salt each time', async () => {
    const first = await hashPassword('a lawyer’s passphrase');
    const second = await hashPassword('a lawyer’s passphrase');

    expect(phcParameters(first)).toEqual({
      algorithm: 'argon2id',
      version: 'v=19',
      params: { m: '65536', t: '3', p: '1' },
    });
    expect(second).not.toBe(first);
    await expect(verifyPassword(first, 'a lawyer’s passphrase')).resolves.toBe(true);
    await expect(verifyPassword(second, 'a lawyer’s passphrase')).resolves.toBe(true);
    await expect(verifyPassword(first, 'a lawyer’s passphrase ')).resolves.toBe(false);
  });

  it.each(['', 'not a hash', '$argon2id$v=19$m=65536,t=3,p=1$tooshort', '$bcrypt$v=19$m=65536,t=3,p=1$AAAA$BBBB'])(
    'reads the malformed stored hash %j as a failed login, not an error',
    async (stored) => {
      await expect(verifyPassword(stored, 'correct horse battery staple')).resolves.toBe(false);
    },
  );

  it('answers false for an unknown account after a real verification', async () => {
    await expect(verifyAgainstDummy('casetrack-dummy-password')).resolves.toBe(false);
  });
});
