import { describe, expect, it } from 'vitest';
import { layoutTree } from './org-tree';

const item = (id: string, parentId: string | null = null) => ({ id, parentId, data: id });

describe('relationship map layout', () => {
  it('centres a manager above two reports and draws the connectors', () => {
    const layout = layoutTree([item('ceo'), item('cto', 'ceo'), item('cfo', 'ceo')]);
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, [n.x, n.depth]]));
    expect(at).toEqual({ ceo: [0.5, 0], cto: [0, 1], cfo: [1, 1] });
    expect(layout.width).toBe(2);
    expect(layout.depth).toBe(2);
    expect(layout.connectors).toEqual([
      { kind: 'down', depth: 0, x: 0.5 },
      { kind: 'rail', depth: 0, x: 0, x2: 1 },
      { kind: 'up', depth: 1, x: 0 },
      { kind: 'up', depth: 1, x: 1 },
    ]);
  });

  it('places a chain straight down and separate roots side by side', () => {
    const layout = layoutTree([item('a'), item('b', 'a'), item('c', 'b'), item('solo')]);
    const at = Object.fromEntries(layout.nodes.map((n) => [n.id, [n.x, n.depth]]));
    expect(at).toEqual({ a: [0, 0], b: [0, 1], c: [0, 2], solo: [1, 0] });
    expect(layout.connectors.filter((c) => c.kind === 'rail')).toEqual([]);
  });

  it('draws every person once even with unknown or cyclic reports-to', () => {
    const layout = layoutTree([item('x', 'y'), item('y', 'x'), item('z', 'gone')]);
    expect(layout.nodes.map((n) => n.id).sort()).toEqual(['x', 'y', 'z']);
    expect(layout.nodes.filter((n) => n.depth === 0).length).toBe(2);
  });

  it('is empty for no contacts', () => {
    expect(layoutTree([])).toEqual({ nodes: [], connectors: [], width: 0, depth: 0 });
  });
});
