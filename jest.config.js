/** Unit tests sit next to the code (*.spec.ts); end-to-end tests in test/ (*.e2e-spec.ts). */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testRegex: '(src|emails|test)/.*\\.(spec|e2e-spec)\\.tsx?$',
  transform: {
    '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }],
    // NestJS 12 packages are ES modules only; see scripts/jest-esm-to-cjs.js.
    '^.+/node_modules/@nestjs/.+\\.js$': '<rootDir>/scripts/jest-esm-to-cjs.js',
  },
  transformIgnorePatterns: ['/node_modules/(?!@nestjs/)'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  maxWorkers: 2,
  // A safety net against hangs only (never a speed assertion): generous for a loaded 2-core CI machine.
  testTimeout: 300000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
