/**
 * One schema per content collection, as `content/schemas/<collection>.ts`. Each exports
 * `schema` (zod), `fields` (bilingual field docs) and `Doc` (the parsed type).
 */
import * as badges from './badges';
import * as benefit_packs from './benefit_packs';
import * as settings from './settings';
import * as staff from './staff';
import * as tiers from './tiers';
import * as tree_nodes from './tree_nodes';

export const COLLECTION_SCHEMAS = { tiers, badges, tree_nodes, benefit_packs, settings, staff } as const;

/** Collections every environment needs (the validator reports a missing file as an error). */
export const REQUIRED_COLLECTIONS = ['tiers', 'badges', 'tree_nodes', 'benefit_packs', 'settings'] as const;
