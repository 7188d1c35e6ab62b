/** One jest run covers every tier: *.spec.ts (unit), *.int-spec.ts (real PostgreSQL/Redis), *.e2e-spec.ts (HTTP). */
const aliases = ['domain', 'event-store', 'read-model', 'auth', 'config', 'reminders'];
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec)\\.ts$',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json', isolatedModules: true, diagnostics: false }] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  moduleNameMapper: Object.fromEntries(aliases.map((a) => [`^@casetrack/${a}$`, `<rootDir>/libs/${a}/src`])),
  testTimeout: 60000,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};
