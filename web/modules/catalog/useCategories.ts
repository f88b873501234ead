import { useQuery } from '@tanstack/react-query';
import { api } from '../../app/api';
import type { ProductCategory } from './types';

/** Every product category of the workspace (a catalog has tens), by name. */
export function useCategories() {
  return useQuery({
    queryKey: ['/product-categories'],
    queryFn: ({ signal }) => api.get<{ data: ProductCategory[] }>('/product-categories', undefined, signal).then((r) => r.data),
  });
}

/** Categories as tree nodes for a TreeSelect: children under their parent, each level by name. */
export function categoryTree(categories: readonly ProductCategory[], exclude?: string) {
  type Node = { value: string; title: string; children: Node[] };
  const nodes = new Map<string, Node>(categories.filter((c) => c.id !== exclude).map((c) => [c.id, { value: c.id, title: c.name, children: [] }]));
  const roots: Node[] = [];
  for (const c of categories) {
    const node = nodes.get(c.id);
    if (!node) continue;
    const parent = c.parentId ? nodes.get(c.parentId) : undefined;
    (parent ? parent.children : roots).push(node);
  }
  return roots;
}
