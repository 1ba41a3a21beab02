import nx from '@nx/eslint-plugin';
import tseslint from 'typescript-eslint';
import globals from 'globals';

// Module boundaries (style.md, "What we take" 1): services never import each other; libraries never
// import services; only the end-to-end project may start several services.
const baseRules = {
  '@typescript-eslint/no-explicit-any': 'off',
  '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
  '@typescript-eslint/no-unsafe-function-type': 'off',
};

function boundaries(inTests) {
  const shared = inTests ? ['type:contracts', 'type:util', 'type:testing'] : ['type:contracts', 'type:util'];
  return {
    allow: [],
    enforceBuildableLibDependency: false,
    // Only messaging's own integration test uses testing, which uses messaging's bus.
    ignoredCircularDependencies: [['@tilbudsnet/messaging', '@tilbudsnet/testing']],
    depConstraints: [
      { sourceTag: 'type:service', onlyDependOnLibsWithTags: shared },
      { sourceTag: 'type:util', onlyDependOnLibsWithTags: shared },
      { sourceTag: 'type:contracts', onlyDependOnLibsWithTags: [] },
      { sourceTag: 'type:testing', onlyDependOnLibsWithTags: ['type:contracts', 'type:util'] },
      { sourceTag: 'type:e2e', onlyDependOnLibsWithTags: ['type:contracts', 'type:util', 'type:testing', 'type:service'] },
      { sourceTag: 'scope:offers', onlyDependOnLibsWithTags: ['scope:offers', 'scope:shared'] },
      { sourceTag: 'scope:visitation', onlyDependOnLibsWithTags: ['scope:visitation', 'scope:shared'] },
      { sourceTag: 'scope:tariffs', onlyDependOnLibsWithTags: ['scope:tariffs', 'scope:shared'] },
      { sourceTag: 'scope:notifications', onlyDependOnLibsWithTags: ['scope:notifications', 'scope:shared'] },
    ],
  };
}

export default [
  { ignores: ['**/node_modules/**', '**/dist/**', '.cache/**', '.nx/**', 'coverage/**', '**/*.js', '**/*.mjs', '!services/console/src/web/**/*.js'] },
  // The console's browser modules ship as written (no build step): a syntax error or an undefined
  // name would break every page, so they are parsed and checked here.
  {
    files: ['services/console/src/web/**/*.js'],
    languageOptions: { ecmaVersion: 2022, sourceType: 'module', globals: { ...globals.browser } },
    rules: { 'no-undef': 'error', 'no-unused-vars': ['error', { argsIgnorePattern: '^_' }], 'no-dupe-keys': 'error', 'no-redeclare': 'error', 'no-unreachable': 'error' },
  },
  ...tseslint.configs.recommended,
  { files: ['**/*.ts'], plugins: { '@nx': nx }, rules: { ...baseRules, '@nx/enforce-module-boundaries': ['error', boundaries(false)] } },
  // Tests may also use libs/testing (a real broker and database).
  { files: ['**/*.spec.ts', '**/*.int-spec.ts', '**/*.e2e-spec.ts'], rules: { '@nx/enforce-module-boundaries': ['error', boundaries(true)] } },
  {
    // kafkajs is imported in one module only, so another client is a one-file change.
    files: ['**/*.ts'],
    // bench/raw-kafka.ts measures the raw client on purpose, as the baseline.
    ignores: ['libs/messaging/src/bus/kafka-bus.ts', 'bench/raw-kafka.ts'],
    rules: { 'no-restricted-imports': ['error', { paths: [{ name: 'kafkajs', message: 'Use @tilbudsnet/messaging (bus/message-bus.ts).' }] }] },
  },
  {
    // Domain purity (style.md; the library anchor's NoSpringInDomainLogicTest): rules in domain/ are
    // plain functions and classes. They may use the event contract and each other, never a framework,
    // the database, the broker, the web or a library with infrastructure in it. The kafkajs rule
    // above is repeated here because a file's no-restricted-imports replaces, not extends, another's.
    files: ['services/**/domain/**/*.ts', 'libs/**/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': ['error', {
        paths: [{ name: 'kafkajs', message: 'Use @tilbudsnet/messaging (bus/message-bus.ts), and never in domain/.' }],
        patterns: [
          { group: ['@nestjs/*', 'typeorm', 'typeorm/*', 'kafkajs', 'pg', 'express', 'jose', 'nodemailer', 'pino', 'pino-http', 'exceljs', 'prom-client', '@opentelemetry/*'],
            message: 'domain/ holds pure rules: no framework, database, broker, web or telemetry imports. Keep them at the edges (controllers, handlers, services).' },
          { group: ['@tilbudsnet/messaging', '@tilbudsnet/platform', '@tilbudsnet/testing', '@tilbudsnet/auth'],
            message: 'domain/ may use @tilbudsnet/contracts only; the other libs carry infrastructure (Kafka, the database, Nest).' },
          { group: ['**/*.entity', '**/*.service', '**/*.controller', '**/*.handlers', '**/*.module'],
            message: 'domain/ does not reach back into persistence or transport; pass plain values in.' },
        ],
      }],
    },
  },
];
