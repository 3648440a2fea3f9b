import { useSubscribeSheet } from './subscribeSheet';
import type { SubscribeTemplate } from './subscribe';

export type { SubscribeTemplate } from './subscribe';

/** Opens the simulated sheet and waits for 允许 or 取消. */
export function requestSubscribe(templates: readonly SubscribeTemplate[]): Promise<string[]> {
  return useSubscribeSheet.getState().open(templates.slice(0, 3));
}
