// Lint: keeps the platform-neutral core free of platform SDKs (style.md) and catches
// the mistakes that matter in async bot code.
import tseslint from 'typescript-eslint';

const platformSdks = {
  paths: [
    { name: '@slack/bolt', message: 'src/core and src/store are platform-neutral: use the Reply model and let src/adapters/slack render it.' },
    { name: 'discord.js', message: 'src/core and src/store are platform-neutral: use the Reply model and let src/adapters/discord render it.' },
  ],
  patterns: [
    { group: ['@slack/*', '@discordjs/*', 'discord.js/*', '**/adapters/**'], message: 'src/core and src/store must not depend on platform code.' },
  ],
};

export default tseslint.config(
  { ignores: ['dist/**', 'node_modules/**', 'coverage/**'] },
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['src/core/**/*.ts', 'src/store/**/*.ts'],
    rules: { 'no-restricted-imports': ['error', platformSdks] },
  },
);
