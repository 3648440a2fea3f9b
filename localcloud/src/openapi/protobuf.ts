/**
 * The two protobuf messages of wx-server-sdk's openapi channel (its src/protobuf/openapi.js),
 * encoded by hand: the request `CommApiData { apiType = 1; openapiData = 2 { repeated pairs = 1
 * { key = 1; value = 2 (bytes); contenttype = 3; filename = 4 } }; appid = 6 }` and the response
 * `CommOpenApiResp { respData = 1 (bytes); contentType = 2; errorCode = 3 (int32); httpCode = 4 }`.
 */

export interface OpenApiPair {
  key: string;
  value: Buffer;
  contentType?: string;
  filename?: string;
}

export interface CommApiData {
  apiType: number;
  pairs: OpenApiPair[];
  appid?: string;
}

class Reader {
  pos = 0;
  constructor(private readonly buf: Buffer) {}

  get done(): boolean {
    return this.pos >= this.buf.length;
  }

  varint(): number {
    let result = 0;
    let shift = 0;
    for (;;) {
      if (this.pos >= this.buf.length) throw new Error('truncated varint');
      const byte = this.buf[this.pos++];
      result += (byte & 0x7f) * 2 ** shift;
      if ((byte & 0x80) === 0) return result;
      shift += 7;
      if (shift > 63) throw new Error('varint too long');
    }
  }

  bytes(): Buffer {
    const length = this.varint();
    const end = this.pos + length;
    if (end > this.buf.length) throw new Error('truncated field');
    const out = this.buf.subarray(this.pos, end);
    this.pos = end;
    return out;
  }

  skip(wireType: number): void {
    if (wireType === 0) this.varint();
    else if (wireType === 1) this.pos += 8;
    else if (wireType === 2) this.bytes();
    else if (wireType === 5) this.pos += 4;
    else throw new Error(`unsupported wire type ${wireType}`);
  }

  /** Iterates `[fieldNumber, wireType]` tags. */
  *fields(): Generator<[number, number]> {
    while (!this.done) {
      const tag = this.varint();
      yield [Math.floor(tag / 8), tag & 7];
    }
  }
}

function decodePair(buf: Buffer): OpenApiPair {
  const reader = new Reader(buf);
  const pair: OpenApiPair = { key: '', value: Buffer.alloc(0) };
  for (const [field, wire] of reader.fields()) {
    if (wire !== 2) {
      reader.skip(wire);
      continue;
    }
    const bytes = reader.bytes();
    if (field === 1) pair.key = bytes.toString('utf8');
    else if (field === 2) pair.value = Buffer.from(bytes);
    else if (field === 3) pair.contentType = bytes.toString('utf8');
    else if (field === 4) pair.filename = bytes.toString('utf8');
  }
  return pair;
}

export function decodeCommApiData(buf: Buffer): CommApiData {
  const reader = new Reader(buf);
  const out: CommApiData = { apiType: 0, pairs: [] };
  for (const [field, wire] of reader.fields()) {
    if (field === 1 && wire === 0) out.apiType = reader.varint();
    else if (field === 2 && wire === 2) {
      const inner = new Reader(reader.bytes());
      for (const [innerField, innerWire] of inner.fields()) {
        if (innerField === 1 && innerWire === 2) out.pairs.push(decodePair(inner.bytes()));
        else inner.skip(innerWire);
      }
    } else if (field === 6 && wire === 2) out.appid = reader.bytes().toString('utf8');
    else reader.skip(wire);
  }
  return out;
}

function varint(value: number): Buffer {
  const bytes: number[] = [];
  // int32 negatives are encoded as 10-byte two's complement varints.
  let v = value < 0 ? BigInt.asUintN(64, BigInt(value)) : BigInt(value);
  do {
    let byte = Number(v & 0x7fn);
    v >>= 7n;
    if (v > 0n) byte |= 0x80;
    bytes.push(byte);
  } while (v > 0n);
  return Buffer.from(bytes);
}

function lengthDelimited(field: number, payload: Buffer): Buffer {
  return Buffer.concat([varint(field * 8 + 2), varint(payload.length), payload]);
}

export interface CommOpenApiResp {
  respData?: Buffer;
  contentType?: string;
  errorCode?: number;
  httpCode?: number;
}

export function encodeCommOpenApiResp(resp: CommOpenApiResp): Buffer {
  const parts: Buffer[] = [];
  if (resp.respData) parts.push(lengthDelimited(1, resp.respData));
  if (resp.contentType) parts.push(lengthDelimited(2, Buffer.from(resp.contentType, 'utf8')));
  if (resp.errorCode) parts.push(varint(3 * 8), varint(resp.errorCode));
  if (resp.httpCode) parts.push(varint(4 * 8), varint(resp.httpCode));
  return Buffer.concat(parts);
}
