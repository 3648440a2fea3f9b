import { create } from 'zustand';
import type { SubscribeTemplate } from './subscribe';

/**
 * The H5 build's stand-in for WeChat's subscription sheet: the request a tap opened, which
 * templates are ticked, and the answer to give. `components/SubscribeSheet` draws it (in the H5
 * build only); WeChat's own sheet needs none of this.
 */
export interface SubscribeSheetState {
  templates: SubscribeTemplate[];
  ticked: string[];
  open(templates: readonly SubscribeTemplate[]): Promise<string[]>;
  toggle(templateId: string): void;
  /** 允许: the ticked templates; 取消 (or closing): none. */
  answer(allow: boolean): void;
}

let settle: ((accepted: string[]) => void) | null = null;

export const useSubscribeSheet = create<SubscribeSheetState>()((set, get) => ({
  templates: [],
  ticked: [],
  open(templates) {
    // A sheet still open answers nothing before the new one replaces it.
    settle?.([]);
    set({ templates: [...templates], ticked: templates.map((t) => t.templateId) });
    return new Promise<string[]>((resolve) => {
      settle = resolve;
    });
  },
  toggle(templateId) {
    const { ticked } = get();
    set({ ticked: ticked.includes(templateId) ? ticked.filter((id) => id !== templateId) : [...ticked, templateId] });
  },
  answer(allow) {
    const accepted = allow ? get().ticked : [];
    set({ templates: [], ticked: [] });
    const done = settle;
    settle = null;
    done?.(accepted);
  },
}));
