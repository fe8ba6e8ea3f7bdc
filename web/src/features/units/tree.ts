import type { UnitView } from '../../../../src/modules/org/org.schemas.ts';

export interface UnitNode extends UnitView {
  children?: UnitNode[];
}

/**
 * Flat units → a forest. A unit whose parent is not in the list (outside the user's scope, or
 * filtered out by a search) becomes a root. Order within siblings is the server's order.
 */
export function buildTree(units: readonly UnitView[]): UnitNode[] {
  const byId = new Map<string, UnitNode>(units.map((u) => [u.id, { ...u }]));
  const roots: UnitNode[] = [];
  for (const u of units) {
    const node = byId.get(u.id)!;
    const parent = u.parentId ? byId.get(u.parentId) : undefined;
    if (parent && parent !== node) {
      parent.children ??= [];
      parent.children.push(node);
    } else roots.push(node);
  }
  return roots;
}

/** Ids of every node that has children (to expand the whole tree). */
export function branchIds(nodes: readonly UnitNode[]): string[] {
  const out: string[] = [];
  const walk = (ns: readonly UnitNode[]) => {
    for (const n of ns) {
      if (n.children?.length) {
        out.push(n.id);
        walk(n.children);
      }
    }
  };
  walk(nodes);
  return out;
}

/** The unit and its ancestors that are in `units` (nearest first). */
export function lineage(units: ReadonlyMap<string, UnitView>, id: string): UnitView[] {
  const out: UnitView[] = [];
  const seen = new Set<string>();
  let cur = units.get(id);
  while (cur && !seen.has(cur.id)) {
    out.push(cur);
    seen.add(cur.id);
    cur = cur.parentId ? units.get(cur.parentId) : undefined;
  }
  return out;
}

/** Units listed depth-first with their depth in the list, for indented pickers. */
export function flattenForPicker(units: readonly UnitView[]): { unit: UnitView; level: number }[] {
  const out: { unit: UnitView; level: number }[] = [];
  const walk = (ns: readonly UnitNode[], level: number) => {
    for (const n of ns) {
      out.push({ unit: n, level });
      if (n.children) walk(n.children, level + 1);
    }
  };
  walk(buildTree(units), 0);
  return out;
}

/** Lower case without Vietnamese diacritics: 'Thượng Cát' → 'thuong cat', 'Đống Đa' → 'dong da'. */
export function fold(s: string): string {
  return s
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase();
}

/**
 * The units whose name, short name or code contains `q` (ignoring case and diacritics), with
 * their ancestors so that each match is shown in its place in the tree.
 */
export function filterWithAncestors(units: readonly UnitView[], q: string): UnitView[] {
  const needle = fold(q.trim());
  if (!needle) return [...units];
  const byId = new Map(units.map((u) => [u.id, u]));
  const keep = new Set<string>();
  for (const u of units) {
    if (fold(`${u.name} ${u.shortName} ${u.code}`).includes(needle))
      for (const a of lineage(byId, u.id)) keep.add(a.id);
  }
  return units.filter((u) => keep.has(u.id));
}
