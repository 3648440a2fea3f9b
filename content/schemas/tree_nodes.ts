/**
 * Schema of the `tree_nodes` collection. The rule lives once, in `shared/content/treeNodes.ts` (the cloud
 * functions and the validator use the same one); this file is where ops tooling finds it.
 */
export { treeNodeSchema as schema, TREE_NODE_FIELDS as fields, type TreeNodeDoc as Doc } from '../../shared/content/treeNodes';
