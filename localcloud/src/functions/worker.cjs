'use strict';
/**
 * Bootstrap of one function instance (a worker thread). Plain CommonJS so that it runs as is under
 * tsx, jest and node. It:
 *  1. installs a Date that adds localcloud's clock offset (shared with the host through a
 *     SharedArrayBuffer) before anything else loads; timers and performance.now stay real;
 *  2. loads the function's index.js (which requires wx-server-sdk from the repo's node_modules);
 *  3. runs one invocation at a time with that invocation's WX_* variables in process.env (this
 *     thread's own copy), clearing them afterwards.
 */
const { parentPort, workerData } = require('node:worker_threads');
const path = require('node:path');

const RealDate = Date;
const offset = new BigInt64Array(workerData.clockBuffer);
const nowMs = () => RealDate.now() + Number(Atomics.load(offset, 0));

function LocalDate(...args) {
  if (!new.target) return new RealDate(nowMs()).toString();
  return Reflect.construct(RealDate, args.length === 0 ? [nowMs()] : args, new.target);
}
LocalDate.prototype = RealDate.prototype;
LocalDate.now = nowMs;
LocalDate.parse = RealDate.parse;
LocalDate.UTC = RealDate.UTC;
Object.defineProperty(LocalDate, 'name', { value: 'Date' });
Object.defineProperty(LocalDate, 'length', { value: 7 });
Object.defineProperty(RealDate.prototype, 'constructor', { value: LocalDate, writable: true, configurable: true });
globalThis.Date = LocalDate;

// The running invocation's console output also goes to the host on parentPort, in order with its
// result, so the host can attribute it (stdout/stderr reach the host on another channel, with no
// ordering against the result). Bounded per invocation.
const OUTPUT_LIMIT = 16 * 1024;
let capturing = null;
for (const stream of [process.stdout, process.stderr]) {
  const write = stream.write.bind(stream);
  stream.write = (chunk, ...rest) => {
    if (capturing) capture(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return write(chunk, ...rest);
  };
}
function capture(text) {
  const room = OUTPUT_LIMIT - capturing.bytes;
  if (room <= 0) return;
  const kept = text.length > room ? `${text.slice(0, room)}\n[localcloud] output truncated at ${OUTPUT_LIMIT} characters\n` : text;
  capturing.bytes += text.length;
  parentPort.postMessage({ type: 'output', id: capturing.id, text: kept });
}

process.on('unhandledRejection', (reason) => {
  console.error('[localcloud] unhandled promise rejection in function:', reason);
});

let main = null;
let loadError = null;
try {
  const mod = require(path.join(workerData.functionDir, 'index.js'));
  main = mod && typeof mod.main === 'function' ? mod.main : null;
  if (!main) loadError = { name: 'Error', message: `${workerData.functionName}: index.js does not export a main function`, stack: '' };
} catch (err) {
  loadError = describe(err);
}
parentPort.postMessage({ type: 'ready' });

function describe(err) {
  if (err instanceof Error) return { name: err.name, message: err.message, stack: err.stack || '' };
  let message;
  try {
    message = typeof err === 'string' ? err : JSON.stringify(err);
  } catch {
    message = String(err);
  }
  return { name: 'Error', message, stack: '' };
}

parentPort.on('message', async (msg) => {
  if (!msg || msg.type !== 'invoke') return;
  const keys = Object.keys(msg.env);
  for (const key of keys) process.env[key] = msg.env[key];
  capturing = { id: msg.id, bytes: 0 };
  try {
    if (loadError) throw Object.assign(new Error(loadError.message), { name: loadError.name, stack: loadError.stack });
    const value = await main(msg.event, msg.context);
    let json;
    try {
      json = JSON.stringify(value === undefined ? null : value);
    } catch (err) {
      throw new Error(`the function's result is not JSON-serializable: ${err && err.message}`);
    }
    parentPort.postMessage({ type: 'result', id: msg.id, ok: true, json: json === undefined ? 'null' : json });
  } catch (err) {
    parentPort.postMessage({ type: 'result', id: msg.id, ok: false, error: describe(err) });
  } finally {
    capturing = null;
    for (const key of keys) delete process.env[key];
  }
});
