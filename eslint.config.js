// Lint rules: ESLint's and typescript-eslint's recommended sets, for src/, scripts/, tests/ and the config.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['_site/**', '_site.*/**', 'node_modules/**', '.cache/**', 'scratch/**', 'test-results/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { ecmaVersion: 2023, sourceType: 'module' },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      'no-control-regex': 'off',
      'no-misleading-character-class': 'off',
    },
  },
  // The Netlify build plugin is plain JavaScript that Netlify runs in Node.js.
  { files: ['netlify/**/*.js'], languageOptions: { globals: { console: 'readonly' } } },
);
