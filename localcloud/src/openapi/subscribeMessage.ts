import { isPlainObject } from '../db/values';
import { wxError, wxOk, type OpenApiResult } from './result';

/** A subscribe message that a function sent, as WeChat received it (snake_case fields). */
export interface OutboxMessage {
  msgid: number;
  api: 'subscribeMessage.send';
  touser: string;
  template_id: string;
  page: string | null;
  data: Record<string, unknown>;
  miniprogram_state: string;
  lang: string;
  sentAt: string;
  /** The sending invocation (function name, request id, caller openid), when known. */
  from: { function: string; requestId: string; openid: string | null } | null;
}

const OPENID = /^[A-Za-z0-9_-]{6,64}$/;
const STATES = new Set(['developer', 'trial', 'formal']);

export class Outbox {
  private messages: OutboxMessage[] = [];
  private nextId = 1;

  list(): OutboxMessage[] {
    return [...this.messages];
  }

  clear(): void {
    this.messages = [];
  }

  /** subscribeMessage.send: validates like WeChat (40003, 40037, 47003) and records the message. */
  send(params: Record<string, unknown>, sentAt: string, from: OutboxMessage['from']): OpenApiResult {
    const { touser, template_id: templateId, data } = params;
    if (typeof touser !== 'string' || !OPENID.test(touser)) return wxError(40003, 'invalid openid');
    if (typeof templateId !== 'string' || templateId.length === 0) return wxError(40037, 'invalid template_id');
    if (!isPlainObject(data) || Object.keys(data).length === 0) return wxError(47003, 'argument invalid! data is empty');
    for (const [key, item] of Object.entries(data)) {
      if (!isPlainObject(item) || typeof item.value !== 'string' || item.value.length === 0) {
        return wxError(47003, `argument invalid! data.${key}.value is empty`);
      }
    }
    const state = params.miniprogram_state === undefined ? 'formal' : params.miniprogram_state;
    if (typeof state !== 'string' || !STATES.has(state)) return wxError(47003, 'argument invalid! miniprogram_state');
    const page = params.page;
    if (page !== undefined && (typeof page !== 'string' || page.startsWith('/'))) {
      return wxError(47003, 'argument invalid! page must be a path without a leading "/"');
    }
    const msgid = this.nextId++;
    this.messages.push({
      msgid,
      api: 'subscribeMessage.send',
      touser,
      template_id: templateId,
      page: typeof page === 'string' ? page : null,
      data,
      miniprogram_state: state,
      lang: typeof params.lang === 'string' ? params.lang : 'zh_CN',
      sentAt,
      from,
    });
    return wxOk({ msgid });
  }
}
