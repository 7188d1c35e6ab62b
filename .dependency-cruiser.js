/** Layering rules: the domain stays pure; libraries never reach into apps. */
module.exports = {
  forbidden: [
    {
      name: 'domain-is-pure',
      severity: 'error',
      from: { path: '^libs/domain' },
      to: { path: '(^apps/|^libs/(?!domain)|node_modules/(@nestjs|typeorm|pg|bullmq|ioredis))' },
    },
    {
      // The catalogues are shared by the server and the console: plain TypeScript and JSON, no framework.
      name: 'i18n-is-plain',
      severity: 'error',
      from: { path: '^libs/i18n' },
      to: { path: '(^apps/|^libs/(?!i18n)|node_modules/(@nestjs|typeorm|pg|bullmq|ioredis))' },
    },
    {
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
    },
    {
      // A write's outcome becomes HTTP in one place (write-outcome.http.ts, applied by the interceptor).
      name: 'write-path-knows-no-http',
      severity: 'error',
      from: { path: '^apps/api/src/cases/write/', pathNot: 'write-outcome\\.(http|interceptor)\\.ts$' },
      to: { path: '(^apps/api/src/common/api-exception|node_modules/(express|@types/express)/)' },
    },
    { name: 'no-circular', severity: 'error', from: {}, to: { circular: true } },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    tsConfig: { fileName: 'tsconfig.json' },
    tsPreCompilationDeps: true,
    exclude: { path: '(\\.spec|\\.int-spec|\\.e2e-spec)\\.ts$' },
  },
};
