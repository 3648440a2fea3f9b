/**
 * The lifecycle most suites share: one localcloud, one browser, one member's phone page; console
 * errors fail the test that made them; everything closed at the end.
 */
import type { Browser } from 'playwright-core';
import { launchBrowser, openAsMember, type MemberPage } from './browser';
import { startTestCloud, type TestCloud, type TestCloudOptions } from './cloud';
import { expectNoConsoleErrors } from './ui';

type Closable = { close(): Promise<void> } | { stop(): Promise<void> };

/** Closes what a suite opened, in this order (pages, then browser, then cloud); unset ones are skipped (a beforeAll that failed early). */
export async function closeAll(...things: Array<Closable | undefined>): Promise<void> {
  for (const thing of things) {
    if (!thing) continue;
    if ('close' in thing) await thing.close();
    else await thing.stop();
  }
}

export interface MemberSuite {
  readonly cloud: TestCloud;
  readonly browser: Browser;
  /** The member's phone page. */
  readonly member: MemberPage;
}

export interface MemberSuiteOptions extends TestCloudOptions {
  /** The suite's history, written through the cloud before the browser opens (e.g. set the clock, seed members). */
  setup?: (cloud: TestCloud) => Promise<void>;
}

/** Registers the suite's hooks; read the getters inside tests (they throw before `beforeAll` has run). */
export function memberSuite(name: string, options: MemberSuiteOptions = {}): MemberSuite {
  const { setup, ...cloudOptions } = options;
  let cloud: TestCloud | undefined;
  let browser: Browser | undefined;
  let member: MemberPage | undefined;

  beforeAll(async () => {
    cloud = await startTestCloud(name, cloudOptions);
    await setup?.(cloud);
    browser = await launchBrowser();
    member = await openAsMember(browser);
  });
  afterAll(() => closeAll(member, browser, cloud));
  afterEach(() => expectNoConsoleErrors(started(member, 'member')));

  return {
    get cloud() {
      return started(cloud, 'cloud');
    },
    get browser() {
      return started(browser, 'browser');
    },
    get member() {
      return started(member, 'member');
    },
  };
}

function started<T>(value: T | undefined, what: string): T {
  if (value === undefined) throw new Error(`the suite's ${what} is not started (its beforeAll did not run or failed)`);
  return value;
}
