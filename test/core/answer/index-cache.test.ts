import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { sourceHash } from '../../../src/core/answer/index-cache.js';
import { tempDir } from '../../helpers/temp.js';

describe('compiled-index cache key', () => {
  it('changes when a source file in a subfolder changes, so an edit there is never served from a stale cache', () => {
    const dir = tempDir();
    mkdirSync(path.join(dir, 'frames', 'deeper'), { recursive: true });
    writeFileSync(path.join(dir, 'answerer.ts'), 'export const a = 1;');
    writeFileSync(path.join(dir, 'frames', 'deeper', 'count.ts'), 'export const n = 1;');
    const before = sourceHash(dir);
    expect(sourceHash(dir)).toBe(before);
    writeFileSync(path.join(dir, 'frames', 'deeper', 'count.ts'), 'export const n = 2;');
    const edited = sourceHash(dir);
    expect(edited).not.toBe(before);
    writeFileSync(path.join(dir, 'frames', 'new-frame.js'), 'export {};');
    expect(sourceHash(dir)).not.toBe(edited);
  });

  it('ignores files that are not code', () => {
    const dir = tempDir();
    writeFileSync(path.join(dir, 'a.ts'), 'export {};');
    const before = sourceHash(dir);
    writeFileSync(path.join(dir, 'notes.md'), 'hello');
    expect(sourceHash(dir)).toBe(before);
  });
});
