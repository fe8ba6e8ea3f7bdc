import { describe, expect, it } from 'vitest';
import type { UnitView } from '../../../../src/modules/org/org.schemas.ts';
import { branchIds, buildTree, flattenForPicker, lineage } from './tree.ts';

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
