// Finds a node in the billing tree by its id, opening the way to it through the provider (which
// caches what it loads), so a palette command can show its result in the tree as well.
import type { ExplorerNode } from '../../explorer/explorerNode';
import type { ExplorerProvider } from '../../explorer/explorerProvider';

/** Walks down the branch whose ids lead to `wanted`; undefined when it is not in the tree. */
export async function findNode(provider: ExplorerProvider, matches: (node: ExplorerNode) => boolean, leadsTo: (node: ExplorerNode) => boolean, maxDepth = 8): Promise<ExplorerNode | undefined> {
  let level = await provider.getChildren(undefined);
  for (let depth = 0; depth < maxDepth; depth++) {
    const hit = level.find(matches);
    if (hit) { return hit; }
    const next = level.find(leadsTo);
    if (!next) { return undefined; }
    level = await provider.getChildren(next);
  }
  return undefined;
}
