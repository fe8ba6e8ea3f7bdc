import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, it } from 'vitest';
import '../src/app.ts';
import { allErrorCodes } from '../src/errors.ts';

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const p = join(dir, f);
    if (statSync(p).isDirectory()) return sources(p);
    return p.endsWith('.ts') && !p.endsWith('.test.ts') ? [p] : [];
  });
}

it('every error code thrown anywhere is defined with a status and a Vietnamese and English text', () => {
  const defined = new Set(allErrorCodes());
  const thrown = new Set<string>();
  for (const file of sources(join(import.meta.dirname, '..', 'src'))) {
    for (const m of readFileSync(file, 'utf8').matchAll(/new AppError\(\s*'([A-Z0-9_]+)'/g)) thrown.add(m[1]!);
  }
  expect(thrown.size).toBeGreaterThan(10);
  expect([...thrown].filter((c) => !defined.has(c))).toEqual([]);
});
