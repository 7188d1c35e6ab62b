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
      name: 'libs-do-not-import-apps',
      severity: 'error',
      from: { path: '^libs/' },
      to: { path: '^apps/' },
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
