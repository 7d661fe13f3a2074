// ESLint for every TypeScript and JavaScript file in the repository, with type information:
// typescript-eslint's recommended type-checked rules plus the few that VS Code's extension
// samples add (helloworld-sample's config). `npm run lint` fails on any finding, warnings
// included, and `npm test` runs it as its first layer.
// https://typescript-eslint.io/getting-started/typed-linting
import js from '@eslint/js';
import { defineConfig } from 'eslint/config';
import stylistic from '@stylistic/eslint-plugin';
import globals from 'globals';
import tseslint from 'typescript-eslint';

export default defineConfig(
  {
    // Build output, downloaded test hosts and test artefacts are not source.
    ignores: ['node_modules/', 'out/', 'dist/', '.cache/', '.vscode-test/', 'test-results/'],
  },
  js.configs.recommended,
  tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: {
        // Each TypeScript file is checked with the tsconfig that owns it: tsconfig.json (src,
        // test, scripts/**/*.ts) or webview-ui/tsconfig.json (the webview pages).
        projectService: true,
        tsconfigRootDir: import.meta.dirname,
      },
    },
    plugins: { '@stylistic': stylistic },
    rules: {
      // The rules helloworld-sample adds. Its `no-throw-literal` is covered by
      // @typescript-eslint/only-throw-error (in the type-checked set), which replaces it, and
      // its `semi` by @stylistic/semi, since core formatting rules are deprecated.
      '@typescript-eslint/naming-convention': ['warn', { selector: 'import', format: ['camelCase', 'PascalCase'] }],
      curly: 'warn',
      eqeqeq: 'warn',
      '@stylistic/semi': 'warn',
      // A leading underscore marks a parameter or binding that is there for its position only.
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' }],
      // Passing on a rejection or an abort reason as it came is right; only-throw-error allows
      // the same for `throw` by default.
      '@typescript-eslint/prefer-promise-reject-errors': ['error', { allowThrowingAny: true, allowThrowingUnknown: true }],
      // node:test's describe/it/test return promises that the runner itself awaits; awaiting
      // them in a test file would serialise nothing and only add noise.
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['describe', 'it', 'test', 'suite', 'before', 'after', 'beforeEach', 'afterEach'] },
          ],
        },
      ],
    },
  },
  {
    // The plain-JavaScript files (the build and test-runner scripts, the stand-in sign-in
    // extension, these configs) have no types: without annotations every parameter is `any`,
    // so the type-aware rules could only report that. They keep every other rule above. This is
    // typescript-eslint's documented way for JavaScript in a typed project:
    // https://typescript-eslint.io/troubleshooting/typed-linting/#how-do-i-disable-type-checked-linting-for-a-file
    files: ['**/*.js', '**/*.mjs'],
    extends: [tseslint.configs.disableTypeChecked],
    languageOptions: { globals: globals.node },
  },
  {
    // Run by Node as CommonJS, where `require` is how modules are loaded.
    files: ['**/*.js'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
