import { ESLint } from 'eslint';
import { describe, expect, it } from 'vitest';

describe('architecture lint', () => {
  const eslint = new ESLint();

  it.each(['src/core/commands/x.ts', 'src/store/x.ts'])('fails when %s imports a platform SDK', async (filePath) => {
    for (const sdk of ['@slack/bolt', 'discord.js']) {
      const [result] = await eslint.lintText(`import * as sdk from '${sdk}';\nexport const x = sdk;\n`, { filePath });
      expect(result!.messages.map((m) => m.ruleId)).toContain('no-restricted-imports');
    }
  });

  it('allows the SDKs inside their adapters', async () => {
    const [result] = await eslint.lintText(`import * as sdk from '@slack/bolt';\nexport const x = sdk;\n`, { filePath: 'src/adapters/slack/x.ts' });
    expect(result!.messages.filter((m) => m.ruleId === 'no-restricted-imports')).toEqual([]);
  });
});
