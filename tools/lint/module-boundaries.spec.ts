import { join, resolve } from 'node:path';
import { ESLint } from 'eslint';

const root = resolve(import.meta.dirname, '../..');

/** Lints a would-be file of one project and returns the boundary rule's messages. */
async function boundaryErrors(file: string, source: string): Promise<string[]> {
  const eslint = new ESLint({ cwd: root });
  const [result] = await eslint.lintText(source, { filePath: join(root, file) });
  return result.messages.filter((m) => m.ruleId === '@nx/enforce-module-boundaries').map((m) => m.message);
}

/** The architecture, enforced: `npm test` lints, and these cases prove the rule is live (it is skipped without a project graph). */
describe('module boundaries', () => {
  it('forbids the admin (scope:frontend) to import server code', async () => {
    const errors = await boundaryErrors(
      'apps/admin/src/probe.ts',
      "import { UnitService } from '@danvan/units';\nexport const probe = UnitService;\n",
    );
    expect(errors.join('\n')).toContain('scope:frontend');
  });

  it('lets the admin import the shared contracts', async () => {
    expect(
      await boundaryErrors(
        'apps/admin/src/probe.ts',
        "import { UNIT_KINDS } from '@danvan/contracts';\nexport const probe = UNIT_KINDS;\n",
      ),
    ).toEqual([]);
  });

  it('forbids shared contracts to import server code', async () => {
    const errors = await boundaryErrors(
      'libs/contracts/src/probe.ts',
      "import { DomainError } from '@danvan/core';\nexport const probe = DomainError;\n",
    );
    expect(errors.length).toBeGreaterThan(0);
  });
});
