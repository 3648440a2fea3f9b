import Taro from '@tarojs/taro';
import type { SubscribeTemplate } from './subscribe';

export type { SubscribeTemplate } from './subscribe';

export async function requestSubscribe(templates: readonly SubscribeTemplate[]): Promise<string[]> {
  const tmplIds = templates.slice(0, 3).map((t) => t.templateId);
  try {
    const res = (await Taro.requestSubscribeMessage({ tmplIds, entityIds: [] })) as unknown as Record<string, string>;
    return tmplIds.filter((id) => res[id] === 'accept');
  } catch {
    // Turned off in settings, an old WeChat, or a tap WeChat did not count: nothing allowed.
    return [];
  }
}
