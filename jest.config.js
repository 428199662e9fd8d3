/**
 * Two Jest projects: `unit` runs the pure core (no Strapi, no database) and `integration` boots the real app.
 * The integration project runs once per database: DATABASE_CLIENT=sqlite (default) or postgres.
 */
const transform = { '^.+\\.(t|j)sx?$': ['@swc/jest', { jsc: { target: 'es2022' } }] };
const common = {
  testEnvironment: 'node',
  transform,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '/.tmp/'],
  // Strapi instances are destroyed in afterAll; Jest's global clean-up would only warn about them afterwards.
  testEnvironmentOptions: { globalsCleanup: 'off' },
};

module.exports = {
  // Timers of Strapi's dependencies (rate-limit stores, pools) may outlive a test file by a moment.
  forceExit: true,
  projects: [
    {
      ...common,
      displayName: 'unit',
      testMatch: ['<rootDir>/tests/unit/**/*.test.ts', '<rootDir>/src/**/__tests__/**/*.test.ts'],
    },
    {
      ...common,
      displayName: 'integration',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup-integration.js'],
    },
    {
      ...common,
      displayName: 'cluster',
      testMatch: ['<rootDir>/tests/cluster/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup.js',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup-integration.js'],
    },
    {
      ...common,
      displayName: 'browser',
      testMatch: ['<rootDir>/tests/browser/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/helpers/global-setup-browser.js',
      setupFilesAfterEnv: ['<rootDir>/tests/helpers/jest-setup-integration.js'],
    },
  ],
};
