import { create } from 'zustand';
import type { OpsAuditData } from '@shared/contracts/ops';
import { createResource, type Resource } from '@/stores/toolkit/resource';
import { opsService } from '../services/opsService';

/** Audit lines the back office's front page shows (the whole list is the audit page's). */
export const RECENT_CHANGES = 5;

/**
 * 最近操作 on the back office's front page (`ops.audit`, the newest few). Loaded as the page
 * opens, so anyone without the ops role sees the page locked before typing anything.
 */
export type OpsRecentState = Resource<OpsAuditData, 'recent'>;

export const useOpsRecent = create<OpsRecentState>()(createResource(() => opsService.audit({}, null, RECENT_CHANGES), { data: 'recent' }));
