import { create } from 'zustand';
import type { TreeData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { createResource, type Resource } from './toolkit/resource';

/** The growth tree: `data`, `status`, `error`, `load({ quiet })`. */
export type TreeState = Resource<TreeData>;

export const useTreeStore = create<TreeState>()(createResource(() => memberService.tree()));
