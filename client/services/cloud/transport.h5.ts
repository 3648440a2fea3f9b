import type { CloudTransport } from './transport';
import { currentMemberOpenid } from './h5Identity';

/**
 * Browser: functions run on localcloud's HTTP gateway, which plays the member named by the
 * `x-wx-openid` header. The gateway is the page's own origin unless `?cloud=<url>` says otherwise.
 */
function gatewayBase(): string {
  const fromQuery = new URLSearchParams(window.location.search).get('cloud');
  return (fromQuery ?? window.location.origin).replace(/\/$/, '');
}

export const transport: CloudTransport = {
  init() {
    // Nothing to prepare: every call carries its own identity header.
  },
  async call(name, event) {
    const res = await fetch(`${gatewayBase()}/functions/${encodeURIComponent(name)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-wx-openid': currentMemberOpenid() },
      body: JSON.stringify(event),
    });
    return res.json();
  },
};
