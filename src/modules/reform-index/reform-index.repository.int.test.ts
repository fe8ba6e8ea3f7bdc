import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DB_KINDS, openTestDatabase, type TestDatabase } from '../../../test/harness.ts';
import { pgArray } from './reform-index.repository.ts';

const rowsOf = <T>(r: unknown): T[] => ((r as { rows?: T[] }).rows ?? (r as T[])) as T[];

describe.each(DB_KINDS)('reform index: hand-written array literals of the results store on %s', (kind) => {
  let t: TestDatabase;
  beforeAll(async () => {
    t = await openTestDatabase(kind);
  });
  afterAll(async () => t?.dispose());

  it('reads back text with quotes, backslashes, commas, braces, blanks and the word NULL as written', async () => {
    const texts = ['Xã "Đông" Anh', 'a\\b', 'x,y', '{}', '', ' sp ', 'NULL', null, 'Phường Cát Linh'];
    const [row] = rowsOf<{ v: (string | null)[] }>(await t.db.execute(sql`select ${pgArray(texts)}::text[] as v`));
    expect(row!.v).toEqual(texts);
  });

  it('reads back numbers (decimals, negatives, nulls) and booleans as written', async () => {
    const nums = [94.27, -1.5, 0, null, 1e-7, 2147483647];
    const [n] = rowsOf<{ v: (number | null)[] }>(await t.db.execute(sql`select ${pgArray(nums)}::float8[] as v`));
    expect(n!.v).toEqual(nums);
    const [b] = rowsOf<{ v: (boolean | null)[] }>(
      await t.db.execute(sql`select ${pgArray([true, false, null])}::bool[] as v`),
    );
    expect(b!.v).toEqual([true, false, null]);
  });
});
