import { create } from 'zustand';
import type { ProgramData } from '@shared/contracts/member';
import { memberService } from '@/services/member';
import { createResource, type Resource } from './toolkit/resource';

/**
 * The program's rules as content and settings say them (`member.program`): tiers with their
 * benefits and entry rewards, windows, rewards, the campaigns shown now — what the rules page,
 * the tier page and the campaign pages read instead of numbers typed into pages.
 */
export type ProgramState = Resource<ProgramData>;

export const useProgramStore = create<ProgramState>()(createResource(() => memberService.program()));
