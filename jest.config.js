// Three kinds of tests, told apart by file name (see README, "Tests"):
//   *.spec.ts      unit: pure logic, no infrastructure
//   *.int-spec.ts  integration: real Kafka and PostgreSQL
//   e2e/**/*.e2e-spec.ts  cross-service scenarios with services running
//   e2e/faults/*.fault-spec.ts  the broker or a service dies on purpose; run alone
const fs = require('fs');
const swc = JSON.parse(fs.readFileSync(__dirname + '/.swcrc', 'utf8'));
delete swc.$schema;
const base = {
  transform: { '^.+\\.ts$': ['@swc/jest', swc] },
  moduleFileExtensions: ['ts', 'js', 'json'],
  testEnvironment: 'node',
  moduleNameMapper: {
    '^@tilbudsnet/(contracts|messaging|testing|auth|platform)$': '<rootDir>/libs/$1/src/index.ts',
    '^@tilbudsnet/(offers|visitation|tariffs|notifications|console)$': '<rootDir>/services/$1/src/main.ts',
  },
  rootDir: __dirname,
};
module.exports = {
  projects: [
    { ...base, displayName: 'unit', testMatch: ['<rootDir>/{libs,services,deploy}/**/*.spec.ts'] },
    {
      ...base,
      displayName: 'integration',
      testMatch: ['<rootDir>/{libs,services}/**/*.int-spec.ts', '<rootDir>/e2e/**/*.e2e-spec.ts'],
      setupFilesAfterEnv: ['<rootDir>/jest.integration-setup.js'],
    },
    // Fault tests kill and restart shared infrastructure: run alone, after the rest (npm test does).
    { ...base, displayName: 'faults', testMatch: ['<rootDir>/e2e/faults/*.fault-spec.ts'], setupFilesAfterEnv: ['<rootDir>/jest.integration-setup.js'] },
  ],
};
