import fs from 'node:fs';
import path from 'node:path';
import { buildFunctions, functionNames } from './build-functions';

const fixtures = path.join(__dirname, 'fixtures', 'cloudfunctions');

describe('build-functions', () => {
  let outDir: string;
  beforeAll(async () => {
    // Inside the repo, so the bundle resolves wx-server-sdk from node_modules as a deployed function would.
    const distDir = path.join(__dirname, '..', 'dist');
    fs.mkdirSync(distDir, { recursive: true });
    outDir = fs.mkdtempSync(path.join(distDir, '.test-functions-'));
    await buildFunctions({ sourceDir: fixtures, outDir });
  });
  afterAll(() => fs.rmSync(outDir, { recursive: true, force: true }));

  it('treats only folders with an index.ts and no leading underscore as functions', () => {
    expect(functionNames(fixtures)).toEqual(['hello']);
    expect(fs.readdirSync(outDir)).toEqual(['hello']);
  });

  it('bundles shared/ and local imports but leaves wx-server-sdk external', () => {
    const js = fs.readFileSync(path.join(outDir, 'hello', 'index.js'), 'utf8');
    expect(js).toContain('require("wx-server-sdk")');
    expect(js).toContain('SHANGHAI_OFFSET_MS'); // shared/time, bundled in
    expect(js).toContain('你好');
    expect(js).not.toMatch(/require\("@shared/);
    expect(js).not.toMatch(/require\("dayjs/);
  });

  it('writes a deploy package.json whose only dependency is the pinned SDK', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(outDir, 'hello', 'package.json'), 'utf8'));
    const rootPkg = JSON.parse(fs.readFileSync(path.join(__dirname, '..', 'package.json'), 'utf8'));
    const pinned = rootPkg.dependencies?.['wx-server-sdk'] ?? rootPkg.devDependencies?.['wx-server-sdk'];
    expect(pkg).toMatchObject({ name: 'hello', version: '1.2.3', main: 'index.js' });
    expect(pkg.dependencies).toEqual({ 'wx-server-sdk': pinned });
  });

  it('copies config.json with the openapi permissions', () => {
    const config = JSON.parse(fs.readFileSync(path.join(outDir, 'hello', 'config.json'), 'utf8'));
    expect(config.permissions.openapi).toEqual(['wxacode.getUnlimited']);
  });

  it('produces a module whose main runs', async () => {
    // The SDK is resolvable from the repo's node_modules, as in localcloud.
    const mod = require(path.join(outDir, 'hello', 'index.js')) as { main(): Promise<{ day: string; text: string }> };
    const answer = await mod.main();
    expect(answer.text).toBe('你好');
    expect(answer.day).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('keeps no compiled .js beside the TypeScript sources', () => {
    const stray: string[] = [];
    const walk = (dir: string) => {
      for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
        const p = path.join(dir, entry.name);
        if (entry.isDirectory()) walk(p);
        else if (entry.name.endsWith('.js')) stray.push(p);
      }
    };
    walk(path.join(__dirname, '..', 'cloudfunctions'));
    expect(stray).toEqual([]);
  });
});
