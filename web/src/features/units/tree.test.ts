import { describe, expect, it } from 'vitest';
import type { UnitView } from '../../../../src/modules/org/org.schemas.ts';
import { branchIds, buildTree, filterWithAncestors, flattenForPicker, fold, lineage } from './tree.ts';

const unit = (id: string, parentId: string | null, depth = 0): UnitView => ({
  id,
  code: id.toUpperCase(),
  name: `Unit ${id}`,
  nameEn: null,
  shortName: id,
  kind: 'other',
  block: null,
  parentId,
  depth,
  agencyCode: null,
  validFrom: '2020-01-01',
  validTo: null,
  successorId: null,
  version: 1,
});

describe('unit tree', () => {
  const units = [unit('a', null), unit('b', 'a', 1), unit('c', 'b', 2), unit('d', 'a', 1), unit('e', 'zz', 3)];

  it('nests any depth and makes orphans roots', () => {
    const tree = buildTree(units);
    expect(tree.map((n) => n.id)).toEqual(['a', 'e']);
    expect(tree[0]!.children!.map((n) => n.id)).toEqual(['b', 'd']);
    expect(tree[0]!.children![0]!.children![0]!.id).toBe('c');
    expect(branchIds(tree)).toEqual(['a', 'b']);
  });

  it('walks up the ancestors and flattens depth-first', () => {
    const byId = new Map(units.map((u) => [u.id, u]));
    expect(lineage(byId, 'c').map((u) => u.id)).toEqual(['c', 'b', 'a']);
    expect(flattenForPicker(units).map((x) => `${x.unit.id}${x.level}`)).toEqual(['a0', 'b1', 'c2', 'd1', 'e0']);
  });
});

describe('unit search', () => {
  const hn = { ...unit('hn', null), name: 'Thành phố Hà Nội' };
  const btl = { ...unit('btl', 'hn', 1), name: 'Quận Bắc Từ Liêm' };
  const tc = { ...unit('tc', 'btl', 2), name: 'UBND phường Thượng Cát' };
  const dd = { ...unit('dd', 'hn', 1), name: 'Quận Đống Đa' };
  const all = [hn, btl, tc, dd];

  it('ignores case and diacritics and keeps the ancestors of each match', () => {
    expect(filterWithAncestors(all, 'thuong cat').map((u) => u.id)).toEqual(['hn', 'btl', 'tc']);
    expect(filterWithAncestors(all, 'DONG DA').map((u) => u.id)).toEqual(['hn', 'dd']);
    expect(filterWithAncestors(all, 'TC').map((u) => u.id)).toEqual(['hn', 'btl', 'tc']);
    expect(filterWithAncestors(all, '  ')).toHaveLength(4);
    expect(fold('Đống Đa')).toBe('dong da');
  });
});
