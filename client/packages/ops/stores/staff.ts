import { create } from 'zustand';
import type { OpsStaffData } from '@shared/contracts/ops';
import { createResource, type Resource } from '@/stores/toolkit/resource';
import { opsService } from '../services/opsService';

/** 员工管理: every staff record and the number of active ops members (`ops.staff`). */
export type OpsStaffState = Resource<OpsStaffData, 'roster'>;

export const useOpsStaff = create<OpsStaffState>()(createResource(() => opsService.staff(), { data: 'roster' }));
