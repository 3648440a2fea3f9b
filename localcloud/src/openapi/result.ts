/** What an openapi handler answers: WeChat's JSON (with errcode) or a binary body. */
export type OpenApiResult = { kind: 'json'; body: Record<string, unknown> } | { kind: 'buffer'; buffer: Buffer; contentType: string };

export function wxOk(body: Record<string, unknown> = {}): OpenApiResult {
  return { kind: 'json', body: { errcode: 0, errmsg: 'ok', ...body } };
}

export function wxError(errcode: number, errmsg: string): OpenApiResult {
  return { kind: 'json', body: { errcode, errmsg } };
}
