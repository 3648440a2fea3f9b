/**
 * Cloud storage and the openapi the product uses, through the real wx-server-sdk: in this process
 * and from inside functions (where openapi calls are tied to the invocation).
 */
import QRCode from 'qrcode';
import { wxacodeText } from '../index';
import { callAs, getJson, openid, rejection, run, startTestCloud, useSdk, type Sdk, type TestCloud } from './support/harness';

// Generous: these suites start servers, worker threads and child processes on a shared machine.
jest.setTimeout(30_000);

let cloud: TestCloud;
let sdk: Sdk;
let restore: () => void;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

function pngSize(png: Buffer): { width: number; height: number } {
  return { width: png.readUInt32BE(16), height: png.readUInt32BE(20) };
}

// pngjs comes with the qrcode package; it has no typings of its own.
const { PNG } = require('pngjs') as { PNG: { sync: { read(buf: Buffer): { width: number; data: Buffer } } } };

/** Samples the centre of each module of a QR code drawn with a 2-module margin. */
function readModules(png: Buffer, size: number): boolean[] {
  const image = PNG.sync.read(png);
  const scale = image.width / (size + 4);
  const out: boolean[] = [];
  for (let row = 0; row < size; row++) {
    for (let col = 0; col < size; col++) {
      const x = Math.floor((col + 2 + 0.5) * scale);
      const y = Math.floor((row + 2 + 0.5) * scale);
      out.push(image.data[(y * image.width + x) * 4] < 128);
    }
  }
  return out;
}

beforeAll(async () => {
  cloud = await startTestCloud({ appPages: ['pages/index/index', 'pages/invite/index'] });
  const used = useSdk(cloud.lc, { openid: openid('storage') });
  sdk = used.cloud;
  restore = used.restore;
});

afterAll(async () => {
  restore();
  await cloud.close();
});

describe('storage', () => {
  test('uploadFile → getTempFileURL (served over HTTP) → downloadFile → deleteFile', async () => {
    const content = Buffer.from('头像 bytes \u0000\u00ff', 'utf8');
    const { fileID } = await sdk.uploadFile({ cloudPath: 'avatars/member 1/头像.png', fileContent: content });
    expect(fileID).toMatch(/^cloud:\/\/local-env\.[^/]+\/avatars\/member 1\/头像\.png$/);

    const urls = await run(sdk.getTempFileURL({ fileList: [fileID] }));
    expect(urls.fileList[0]).toMatchObject({ fileID, status: 0 });
    const url = urls.fileList[0].tempFileURL;
    expect(url.startsWith(`${cloud.lc.url}/`)).toBe(true);
    const served = await fetch(encodeURI(url));
    expect(served.status).toBe(200);
    expect(served.headers.get('content-type')).toBe('image/png');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(content);

    const { fileContent } = await sdk.downloadFile({ fileID });
    expect(Buffer.from(fileContent)).toEqual(content);

    const deleted = await run(sdk.deleteFile({ fileList: [fileID] }));
    expect(deleted.fileList[0]).toMatchObject({ fileID, status: 0 });
    const gone = await run(sdk.getTempFileURL({ fileList: [fileID] }));
    expect(gone.fileList[0].status).not.toBe(0);
    expect((await fetch(encodeURI(url))).status).toBe(404);
    await expect(sdk.downloadFile({ fileID })).rejects.toBeTruthy();
  });

  test('uploading again replaces the file; files live under the data directory', async () => {
    const { fileID } = await sdk.uploadFile({ cloudPath: 'docs/a.txt', fileContent: Buffer.from('one') });
    await sdk.uploadFile({ cloudPath: 'docs/a.txt', fileContent: Buffer.from('two') });
    expect((await sdk.downloadFile({ fileID })).fileContent.toString()).toBe('two');
    const fs = await import('node:fs');
    const path = await import('node:path');
    expect(fs.readFileSync(path.join(cloud.dataDir, 'storage', 'docs', 'a.txt'), 'utf8')).toBe('two');
  });

  test('a path that escapes the storage root is refused', async () => {
    const err = await rejection(sdk.uploadFile({ cloudPath: '../outside.txt', fileContent: Buffer.from('x') }));
    expect(err.errMsg ?? err.message).toMatch(/invalid cloudPath/);
  });

  test('a function can round-trip a file', async () => {
    const res = await callAs(cloud.lc, 'storage', openid('storage'), { path: 'fn/hello.txt', text: '你好，世界' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ text: '你好，世界', tempFileURL: `${cloud.lc.url}/__storage/fn/hello.txt` });
  });
});

describe('wxacode.getUnlimited', () => {
  test('returns a real PNG of the requested width whose code encodes page and scene', async () => {
    const res = await sdk.openapi.wxacode.getUnlimited({ scene: 'inv=ABC123', page: 'pages/invite/index', width: 430 });
    expect(res.errCode).toBe(0);
    expect(res.contentType).toBe('image/png');
    const png = Buffer.from(res.buffer as Uint8Array);
    expect(png.subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(pngSize(png)).toEqual({ width: 430, height: 430 });
    // Read the code back: every module of the PNG matches the QR code of page + scene.
    const expected = QRCode.create(wxacodeText('pages/invite/index', 'inv=ABC123', 'release'), { errorCorrectionLevel: 'M' });
    expect(readModules(png, expected.modules.size)).toEqual(Array.from(expected.modules.data, Boolean));
    const other = await sdk.openapi.wxacode.getUnlimited({ scene: 'inv=XYZ999', page: 'pages/invite/index', width: 430 });
    expect(Buffer.from(other.buffer as Uint8Array).equals(png)).toBe(false);
  });

  test.each<[string, number, Record<string, unknown>]>([
    ['a scene longer than 32 characters', 40169, { scene: 'x'.repeat(33) }],
    ['a scene with characters WeChat refuses', 40129, { scene: 'a b' }],
    ['a missing scene', 40129, {}],
    ['a page with a leading slash', 41030, { scene: 'a=1', page: '/pages/index/index' }],
    ['a page with a query string', 41030, { scene: 'a=1', page: 'pages/index/index?x=1' }],
    ['a page the app does not have', 41030, { scene: 'a=1', page: 'pages/nope/index' }],
    ['a width below 280', 40097, { scene: 'a=1', width: 100 }],
    ['a width above 1280', 40097, { scene: 'a=1', width: 2000 }],
    ['an unknown env_version', 40097, { scene: 'a=1', envVersion: 'beta' }],
  ])('%s fails with errcode %d', async (_label, errcode, params) => {
    const err = await rejection(sdk.openapi.wxacode.getUnlimited(params));
    expect(err.errCode).toBe(errcode);
    expect(err.errMsg).toMatch(/^openapi\.wxacode\.getUnlimited:fail /);
  });

  test('check_path: false accepts a page that is not published yet', async () => {
    const res = await sdk.openapi.wxacode.getUnlimited({ scene: 'a=1', page: 'pages/new/index', checkPath: false, envVersion: 'develop' });
    expect(res.errCode).toBe(0);
  });

  test('an openapi localcloud does not know answers "API not found"', async () => {
    const err = await rejection(sdk.openapi.customerServiceMessage.send({ touser: openid(1), msgtype: 'text' }));
    expect(err.errCode).toBe(-604100);
  });
});

describe('security.msgSecCheck', () => {
  test('v2 passes ordinary text and flags words from the built-in list', async () => {
    const ok = await sdk.openapi.security.msgSecCheck({ content: '今天签到了，开心', version: 2, scene: 2, openid: openid(1) });
    expect(ok.result).toEqual({ suggest: 'pass', label: 100 });
    const risky = await sdk.openapi.security.msgSecCheck({ content: '欢迎来赌博', version: 2, scene: 2, openid: openid(1) });
    expect(risky.result).toEqual({ suggest: 'risky', label: 20006 });
    expect(risky.traceId).toEqual(expect.any(String));
  });

  test('v1 answers errcode 87014 for risky content; v2 needs an openid', async () => {
    expect((await rejection(sdk.openapi.security.msgSecCheck({ content: 'localcloud-risky' }))).errCode).toBe(87014);
    expect((await rejection(sdk.openapi.security.msgSecCheck({ content: 'hi', version: 2, scene: 1 }))).errCode).toBe(40003);
  });
});

describe('subscribeMessage.send and the outbox', () => {
  test('messages sent by a function land in the outbox with their sender', async () => {
    const who = openid('subscriber');
    const res = await callAs(cloud.lc, 'openapi', who, { text: '积分到账' });
    expect(res.status).toBe(200);
    const body = res.body as { code: { contentType: string; base64: string }; sent: { msgid: number; errCode: number }; check: unknown };
    expect(body.code.contentType).toBe('image/png');
    expect(Buffer.from(body.code.base64, 'base64').subarray(0, 8)).toEqual(PNG_SIGNATURE);
    expect(body.sent.errCode).toBe(0);
    expect(body.check).toEqual({ suggest: 'pass', label: 100 });

    const outbox = await getJson(`${cloud.lc.url}/__localcloud/outbox`);
    const messages = outbox.body.messages as Array<Record<string, unknown>>;
    const mine = messages.find((m) => m.msgid === body.sent.msgid);
    expect(mine).toMatchObject({
      touser: who,
      template_id: 'TPL_reward',
      page: 'pages/index/index',
      data: { thing1: { value: '积分到账' } },
      from: { function: 'openapi', openid: who },
    });
    expect(cloud.lc.outbox().length).toBe(messages.length);
  });

  test("bad parameters fail with WeChat's errcodes and are not recorded", async () => {
    const before = cloud.lc.outbox().length;
    expect(
      (await rejection(sdk.openapi.subscribeMessage.send({ touser: 'x', templateId: 'T', data: { a: { value: '1' } } }))).errCode,
    ).toBe(40003);
    expect((await rejection(sdk.openapi.subscribeMessage.send({ touser: openid(1), data: { a: { value: '1' } } }))).errCode).toBe(40037);
    expect((await rejection(sdk.openapi.subscribeMessage.send({ touser: openid(1), templateId: 'T', data: {} }))).errCode).toBe(47003);
    expect(cloud.lc.outbox().length).toBe(before);
  });
});
