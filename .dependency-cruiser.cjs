/**
 * The layering rules of ARCHITECTURE.md: platform/ is domain-free and imports no feature; a feature
 * may use another feature only through its service.ts, never its repo, rules or views.
 */
module.exports = {
  forbidden: [
    {
      name: 'platform-imports-no-feature',
      comment: 'platform/ is cross-cutting and domain-free: it must not import a feature',
      severity: 'error',
      from: { path: '^src/platform/' },
      to: { path: '^src/features/' },
    },
    {
      name: 'db-imports-nothing-above-it',
      comment: 'db/ is the lowest layer: it must not import platform/ or features/',
      severity: 'error',
      from: { path: '^src/db/' },
      to: { path: '^src/(platform|features)/' },
    },
    {
      name: 'feature-uses-other-features-only-through-their-service',
      comment:
        "a feature may import another feature's service.ts only (never its repo, rules, routes or views)",
      severity: 'error',
      from: { path: '^src/features/([^/]+)/' },
      to: {
        path: '^src/features/([^/]+)/',
        pathNot: ['^src/features/$1/', '^src/features/[^/]+/service\\.ts$'],
      },
    },
    {
      name: 'no-circular',
      severity: 'error',
      from: {},
      to: { circular: true },
    },
    {
      name: 'src-does-not-import-tests',
      severity: 'error',
      from: { path: '^src/' },
      to: { path: '^(test|bench)/' },
    },
  ],
  options: {
    doNotFollow: { path: 'node_modules' },
    exclude: { path: '\\.test\\.ts$' },
    tsPreCompilationDeps: true,
    tsConfig: { fileName: 'tsconfig.json' },
    enhancedResolveOptions: { extensions: ['.ts', '.js'] },
  },
};
