import nx from '@nx/eslint-plugin';

/**
 * Lint of the whole repository. The rule that matters most is
 * @nx/enforce-module-boundaries: projects are tagged by scope in their
 * project.json, and the admin (scope:frontend) can import only shared code
 * (scope:shared), never server code (scope:backend).
 */
export default [
  { ignores: ['**/dist/**', '**/node_modules/**', '.data/**', 'tmp/**', 'docs/**', '**/*.mjs', '**/vite.config.ts'] },
  ...nx.configs['flat/base'],
  ...nx.configs['flat/typescript'],
  {
    files: ['**/*.ts', '**/*.tsx'],
    rules: {
      '@nx/enforce-module-boundaries': [
        'error',
        {
          enforceBuildableLibDependency: false,
          allow: [],
          depConstraints: [
            { sourceTag: 'scope:shared', onlyDependOnLibsWithTags: ['scope:shared'] },
            { sourceTag: 'scope:frontend', onlyDependOnLibsWithTags: ['scope:frontend', 'scope:shared'] },
            { sourceTag: 'scope:backend', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared'] },
            { sourceTag: 'scope:e2e', onlyDependOnLibsWithTags: ['scope:backend', 'scope:shared', 'scope:frontend'] },
            { sourceTag: 'type:lib', notDependOnLibsWithTags: ['type:test-util', 'type:app'] },
          ],
        },
      ],
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', destructuredArrayIgnorePattern: '^_' },
      ],
    },
  },
];
