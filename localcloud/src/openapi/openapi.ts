import type { ActionTable, AdminRequest } from '../admin/types';
import type { Clock } from '../clock';
import { CloudError, ErrorCodes } from '../errors';
import { parseJsonText } from '../http/json';
import type { OpenApiFaults } from './faults';
import { msgSecCheck } from './msgSecCheck';
import { decodeCommApiData, encodeCommOpenApiResp } from './protobuf';
import type { OpenApiResult } from './result';
import type { Outbox } from './subscribeMessage';
import { getUnlimited, type WxacodeOptions } from './wxacode';

/** "-604100 API not found" in wx-server-sdk's error table. */
const API_NOT_FOUND = -604100;

/**
 * `wx.openApi`: cloud.openapi.* calls. wx-server-sdk posts a multipart form whose `requestData`
 * is a protobuf CommApiData holding each parameter as JSON; the answer is a protobuf
 * CommOpenApiResp carrying WeChat's body (JSON, or the PNG of a wxacode). Faults set by a test
 * (`faults.ts`) answer before the API runs.
 */
export function createOpenApiActions(outbox: Outbox, clock: Clock, wxacode: WxacodeOptions, faults: OpenApiFaults): ActionTable {
  async function run(apiName: string, params: Record<string, unknown>, request: AdminRequest): Promise<OpenApiResult | null> {
    // A fault a test set answers in WeChat's place (see faults.ts).
    const fault = faults.take(apiName, params);
    if (fault) return fault;
    switch (apiName) {
      case 'wxacode.getUnlimited':
        return getUnlimited(params, wxacode);
      case 'security.msgSecCheck':
        return msgSecCheck(params);
      case 'subscribeMessage.send': {
        const inv = request.invocation;
        const from = inv ? { function: inv.functionName, requestId: inv.requestId, openid: inv.identity.openid ?? null } : null;
        return outbox.send(params, new Date(clock.now()).toISOString(), from);
      }
      default:
        return null;
    }
  }

  return {
    'wx.openApi': async (request) => {
      const { params } = request;
      const apiName = typeof params.apiName === 'string' ? params.apiName : '';
      const data = params.requestData;
      if (!Buffer.isBuffer(data)) throw new CloudError(ErrorCodes.INVALID_PARAM, 'requestData must be a protobuf buffer');
      const decoded = decodeCommApiData(data);
      const args: Record<string, unknown> = {};
      for (const pair of decoded.pairs) {
        try {
          args[pair.key] = parseJsonText(pair.value.toString('utf8')); // depth-bounded like every request
        } catch {
          args[pair.key] = pair.value;
        }
      }
      const result = await run(apiName, args, request);
      const resp = !result
        ? encodeCommOpenApiResp({ errorCode: API_NOT_FOUND, httpCode: 200 })
        : result.kind === 'json'
          ? encodeCommOpenApiResp({ respData: Buffer.from(JSON.stringify(result.body)), contentType: 'application/json', httpCode: 200 })
          : encodeCommOpenApiResp({ respData: result.buffer, contentType: result.contentType, httpCode: 200 });
      return { raw: resp, contentType: 'application/octet-stream' };
    },
  };
}
