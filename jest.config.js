/**
 * One jest run covers every tier: *.spec.ts (unit), *.int-spec.ts (real PostgreSQL/Redis), *.e2e-spec.ts (HTTP),
 * *.browser-spec.ts (the built service in Debian's chromium, test/browser/).
 * NestJS 12 ships as ES modules and jest on Node 20 cannot require() them, so SWC compiles both our
 * TypeScript and those ES-module packages to CommonJS for the test run (`transformIgnorePatterns`).
 */
const aliases = ['domain', 'event-store', 'read-model', 'auth', 'config', 'reminders', 'i18n'];
const swc = {
  jsc: {
    parser: { syntax: 'typescript', decorators: true },
    transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
    target: 'es2022',
    keepClassNames: true,
  },
  module: { type: 'commonjs' },
  sourceMaps: 'inline',
};
module.exports = {
  rootDir: '.',
  testEnvironment: 'node',
  testRegex: '.*\\.(spec|int-spec|e2e-spec|browser-spec)\\.ts$',
  transform: {
    '^.+\\.ts$': ['@swc/jest', swc],
    '^.+\\.m?js$': ['@swc/jest', { ...swc, jsc: { ...swc.jsc, parser: { syntax: 'ecmascript' } } }],
  },
  // openapi-typescript's CommonJS build requires these ES-module packages (the typed-client test uses it).
  transformIgnorePatterns: [
    '/node_modules/(?!(@nestjs|uid|file-type|strtok3|token-types|@tokenizer|peek-readable|openapi-typescript|parse-json|index-to-position|supports-color|change-case|intl-messageformat|@formatjs)/)',
  ],
  moduleFileExtensions: ['ts', 'js', 'mjs', 'json'],
  moduleNameMapper: Object.fromEntries(aliases.map((a) => [`^@casetrack/${a}$`, `<rootDir>/libs/${a}/src`])),
  testTimeout: 60000,
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/test'],
};
