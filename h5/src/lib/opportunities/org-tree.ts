/**
 * Layout of the relationship map (商机作战地图) as an org chart: every person gets a grid cell
 * (column, depth); leaves take consecutive columns and a manager sits centred above its reports.
 * The page then draws boxes and connector lines with absolutely positioned views, which works the
 * same on H5 and in the mini program (no canvas, no recursive components).
 */

export interface TreeInput<T> {
  id: string;
  parentId: string | null;
  data: T;
}

export interface PlacedNode<T> {
  id: string;
  parentId: string | null;
  data: T;
  depth: number;
  /** Horizontal centre in column units (leaves at 0, 1, 2…; parents at the middle of their children). */
  x: number;
}

export interface Connector {
  /** Vertical line from a parent down to its children's rail, or from the rail down to a child. */
  kind: 'down' | 'rail' | 'up';
  depth: number;
  /** In column units: `x` for vertical lines, `x`…`x2` for the horizontal rail. */
  x: number;
  x2?: number;
}

export interface TreeLayout<T> {
  nodes: PlacedNode<T>[];
  connectors: Connector[];
  /** Number of columns (≥ 1 when there are nodes). */
  width: number;
  /** Number of levels. */
  depth: number;
}

/**
 * Lays out a forest. Unknown or cyclic parents are treated as roots, so bad data still draws
 * every person exactly once. Children keep their input order.
 */
export function layoutTree<T>(items: readonly TreeInput<T>[]): TreeLayout<T> {
  const ids = new Set(items.map((i) => i.id));
  const children = new Map<string | null, TreeInput<T>[]>();
  const parentOf = (i: TreeInput<T>) => (i.parentId && ids.has(i.parentId) && i.parentId !== i.id ? i.parentId : null);
  // Break cycles: walk up from each node; if we come back to it, cut its parent link.
  const cut = new Set<string>();
  const byId = new Map(items.map((i) => [i.id, i]));
  for (const item of items) {
    const seen = new Set<string>([item.id]);
    let p = parentOf(item);
    while (p && !cut.has(p)) {
      if (seen.has(p)) {
        cut.add(item.id);
        break;
      }
      seen.add(p);
      const next = byId.get(p);
      p = next ? parentOf(next) : null;
    }
  }
  for (const item of items) {
    const p = cut.has(item.id) ? null : parentOf(item);
    const list = children.get(p) ?? [];
    list.push(item);
    children.set(p, list);
  }

  const nodes: PlacedNode<T>[] = [];
  const connectors: Connector[] = [];
  let nextLeaf = 0;
  let maxDepth = 0;
  const placed = new Set<string>();

  function place(item: TreeInput<T>, depth: number, parentId: string | null): number {
    placed.add(item.id);
    maxDepth = Math.max(maxDepth, depth);
    const kids = (children.get(item.id) ?? []).filter((k) => !placed.has(k.id));
    const node: PlacedNode<T> = { id: item.id, parentId, data: item.data, depth, x: 0 };
    nodes.push(node);
    if (!kids.length) {
      node.x = nextLeaf++;
      return node.x;
    }
    const xs = kids.map((k) => place(k, depth + 1, item.id));
    node.x = (xs[0]! + xs[xs.length - 1]!) / 2;
    connectors.push({ kind: 'down', depth, x: node.x });
    if (xs.length > 1) connectors.push({ kind: 'rail', depth, x: xs[0]!, x2: xs[xs.length - 1]! });
    for (const x of xs) connectors.push({ kind: 'up', depth: depth + 1, x });
    return node.x;
  }

  for (const root of children.get(null) ?? []) place(root, 0, null);
  return { nodes, connectors, width: nextLeaf, depth: nodes.length ? maxDepth + 1 : 0 };
}
