import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import Database from 'better-sqlite3';
import { transpiledStore } from '../helpers/store.js';
import { tempDir } from '../helpers/temp.js';
import { latestVersion } from '../../src/store/migrations.js';

function openInChild(storeDir: string, file: string): Promise<{ code: number | null; stderr: string }> {
  const script = `import { openStore } from ${JSON.stringify(path.join(storeDir, 'store.js'))}; openStore(${JSON.stringify(file)}).close();`;
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['--input-type=module', '-e', script], { cwd: path.dirname(storeDir) });
    let stderr = '';
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString()));
    child.on('close', (code) => resolve({ code, stderr }));
  });
}

describe('migrations under concurrency', () => {
  it('two processes opening a brand-new file at once both succeed and migrate it once', async () => {
    const storeDir = transpiledStore();
    for (let round = 0; round < 3; round++) {
      const file = path.join(tempDir(), `race-${round}.db`);
      const results = await Promise.all([openInChild(storeDir, file), openInChild(storeDir, file), openInChild(storeDir, file)]);
      for (const r of results) expect(r.stderr).toBe('');
      expect(results.map((r) => r.code)).toEqual([0, 0, 0]);
      const db = new Database(file, { readonly: true });
      expect(db.pragma('user_version', { simple: true })).toBe(latestVersion);
      expect(db.prepare("SELECT count(*) AS n FROM meta WHERE key = 'application'").get()).toEqual({ n: 1 });
      db.close();
    }
  });
});
