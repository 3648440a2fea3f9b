import type { TreeStage } from '@shared/domain/growthTree';

/** One picture per stage of the growth tree (seed → fruit). */
export const TREE_STAGE_ICONS: Record<TreeStage, string> = {
  seed: '🌰',
  sprout: '🌱',
  sapling: '🌿',
  tree: '🌳',
  blossom: '🌸',
  fruit: '🍎',
};
