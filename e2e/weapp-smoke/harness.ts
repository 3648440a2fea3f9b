/**
 * Runs the built mini-program (dist/weapp) in miniprogram-simulate: WeChat's own WXML compiler
 * (miniprogram-compiler) for the templates, j-component for components, and small shims for what
 * a Taro app needs from the WeChat runtime — `App`/`getApp`, `Page` mapped onto `Component`,
 * `getCurrentPages`, `__wxConfig`, `wx.cloud` answering from canned cloud function answers.
 * Import this first in a test running in jsdom.
 */
import fs from 'node:fs';
import path from 'node:path';

// Loaded with require: it installs `Component`, `Behavior` and `wx` on the global object.
const simulate = require('miniprogram-simulate') as Simulate;

export const DIST = path.resolve(__dirname, '..', '..', 'dist', 'weapp');

interface SimComponent {
  dom: HTMLElement;
  instance: Record<string, unknown>;
  attach(parent: Element): void;
  detach(): void;
}

interface Simulate {
  load(componentPath: string, options: Record<string, unknown>): string;
  render(id: string, props?: Record<string, unknown>): SimComponent;
  sleep(ms: number): Promise<void>;
}

type AnyFn = (...args: unknown[]) => unknown;
type Config = Record<string, unknown>;

interface PageInstance {
  route: string;
  __route__: string;
  options: Record<string, string>;
  [key: string]: unknown;
}

const g = globalThis as unknown as Record<string, unknown> & { wx: Record<string, unknown>; Component: (options: Config) => void };

/** The cloud: `(fn, event) => answer envelope`. Replace per test with `setCloud`. */
let cloud: (name: string, event: Record<string, unknown>) => unknown = () => ({
  ok: false,
  error: { code: 'INTERNAL', message: '未设置' },
});
export function setCloud(handler: typeof cloud): void {
  cloud = handler;
}
export const cloudCalls: Array<{ name: string; action: unknown }> = [];

const pages: PageInstance[] = [];
let app: Config | null = null;

/** Taro's `Page(config)` as a j-component `Component`: methods, data, page lifecycles on attach. */
function pageAsComponent(config: Config, route: string): Config {
  const methods: Record<string, AnyFn> = {};
  const data = (config.data as Config) ?? {};
  for (const [key, value] of Object.entries(config)) if (typeof value === 'function') methods[key] = value as AnyFn;
  return {
    data,
    methods,
    lifetimes: {
      created(this: PageInstance) {
        this.route = route;
        this.__route__ = route;
        // The query of this rendering (a page module runs once; its component renders many times).
        this.options = { ...loading.query };
        for (const [key, value] of Object.entries(config)) if (typeof value !== 'function' && key !== 'data') this[key] = value;
      },
      attached(this: PageInstance) {
        pages.push(this);
        (this.onLoad as AnyFn | undefined)?.call(this, this.options);
        (this.onShow as AnyFn | undefined)?.call(this);
      },
      ready(this: PageInstance) {
        (this.onReady as AnyFn | undefined)?.call(this);
      },
      detached(this: PageInstance) {
        (this.onUnload as AnyFn | undefined)?.call(this);
        pages.splice(pages.indexOf(this), 1);
      },
    },
  };
}

let loading: { route: string; query: Record<string, string> } = { route: '', query: {} };

function installRuntime(): void {
  const appJson = JSON.parse(fs.readFileSync(path.join(DIST, 'app.json'), 'utf8')) as Config;
  g.__wxConfig = {
    ...appJson,
    envVersion: 'develop',
    platform: 'devtools',
    accountInfo: { miniProgram: { appId: 'wx5f3a9c1d2e4b6a80', envVersion: 'develop' } },
  };
  g.App = (config: Config) => {
    app = config;
  };
  g.getApp = () => app;
  g.getCurrentPages = () => pages;
  g.Page = (config: Config) => g.Component(pageAsComponent(config, loading.route));
  g.requirePlugin = () => ({});
  const { Event } = window;
  // Taro's event objects and miniprogram-simulate's touch events need jsdom's Event classes on global.
  for (const name of ['Event', 'CustomEvent', 'MouseEvent', 'KeyboardEvent', 'TouchEvent'] as const) {
    const cls = (window as unknown as Record<string, unknown>)[name];
    if (cls) g[name] = cls;
  }
  void Event;
  Object.assign(g.wx, {
    cloud: {
      init: () => undefined,
      callFunction: async ({ name, data }: { name: string; data: Record<string, unknown> }) => {
        cloudCalls.push({ name, action: data.action });
        return { result: JSON.parse(JSON.stringify(cloud(name, data))) as unknown, errMsg: 'cloud.callFunction:ok' };
      },
      uploadFile: async () => ({ fileID: 'cloud://env/avatars/x.png' }),
    },
    getRandomValues: ({ length, success }: { length: number; success: (r: { randomValues: ArrayBuffer }) => void }) =>
      success({ randomValues: crypto.getRandomValues(new Uint8Array(length)).buffer }),
    onAppRoute: () => undefined,
    onAppShow: () => undefined,
    onAppHide: () => undefined,
  });
  // The app: runtime, vendors and taro chunks, then App(...).
  require(path.join(DIST, 'app.js'));
  if (!app) throw new Error('dist/weapp/app.js did not call App()');
  (app.onLaunch as AnyFn | undefined)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
  (app.onShow as AnyFn | undefined)?.call(app, { path: 'pages/index/index', query: {}, scene: 1001 });
}

let installed = false;
const loadedPages = new Map<string, string>();

export interface RenderedPage {
  text(): string;
  dom: HTMLElement;
  page: PageInstance;
  /** Taps the innermost node whose text is exactly `text` (its Taro tap handler). */
  tap(text: string): Promise<void>;
  close(): void;
}

/** Renders one page of dist/weapp (e.g. `pages/index/index`) with a query, after its data arrived. */
export async function renderPage(route: string, query: Record<string, string> = {}): Promise<RenderedPage> {
  if (!installed) {
    installRuntime();
    installed = true;
  }
  loading = { route, query };
  // A page's module runs once (webpack keeps it); later renderings reuse its component.
  const id = loadedPages.get(route) ?? simulate.load(path.join(DIST, route), { rootPath: DIST, compiler: 'official' });
  loadedPages.set(route, id);
  const comp = simulate.render(id);
  const parent = document.createElement('parent-wrapper');
  document.body.appendChild(parent);
  comp.attach(parent);
  await settle();
  const page = pages[pages.length - 1];
  return {
    dom: comp.dom,
    page,
    text: () => (comp.dom.textContent ?? '').replace(/\s+/g, ' ').trim(),
    async tap(text) {
      const nodes = Array.from(comp.dom.querySelectorAll<HTMLElement>('*')).filter(
        (n) => n.textContent?.replace(/\s+/g, '') === text.replace(/\s+/g, ''),
      );
      const target = nodes.find((n) => !nodes.some((o) => o !== n && n.contains(o)));
      if (!target) throw new Error(`no "${text}" in: ${comp.dom.textContent}`);
      // Every Taro element binds `bindtap="eh"`: WeChat calls it on the tapped element and on each
      // ancestor as the event bubbles (Taro batches them and dispatches once at the top).
      const eh = page.eh as AnyFn;
      const targetSid = target.getAttribute('data-sid') ?? target.closest('[data-sid]')?.getAttribute('data-sid');
      for (let el: Element | null = target; el && el !== comp.dom; el = el.parentElement) {
        const sid = el.getAttribute('data-sid');
        if (!sid) continue;
        eh.call(page, {
          type: 'tap',
          timeStamp: Date.now(),
          target: { id: targetSid, dataset: { sid: targetSid } },
          currentTarget: { id: sid, dataset: { sid } },
          detail: {},
        });
      }
      await settle();
    },
    close() {
      comp.detach();
      parent.remove();
    },
  };
}

/** Lets promises, Taro's batched setData and timers run. */
export async function settle(ms = 60): Promise<void> {
  for (let i = 0; i < 5; i++) await simulate.sleep(ms / 5);
}
