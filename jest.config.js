/** Unit tests sit next to the code (*.spec.ts); end-to-end tests in test/ (*.e2e-spec.ts). */
module.exports = {
  testEnvironment: 'node',
  rootDir: '.',
  testRegex: '(src|emails|test)/.*\\.(spec|e2e-spec)\\.tsx?$',
  transform: { '^.+\\.tsx?$': ['ts-jest', { tsconfig: 'tsconfig.jest.json' }] },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json'],
  maxWorkers: 2,
  testTimeout: 120000,
  globalSetup: '<rootDir>/test/global-setup.ts',
};
