/**
 * `npm run check:weapp`: compiles the production dist/weapp with WeChat's own compiler
 * (miniprogram-ci, offline) — ES6 transform and the WXML/WXSS/JS minifiers on, as an upload
 * would — and fails on any compile error or any dependency error from `analyseCode`.
 * Prints the compiled bytes per package. miniprogram-ci keeps handles open: exit explicitly.
 */
import fs from 'node:fs';
import path from 'node:path';
import * as ci from 'miniprogram-ci';
import { formatKB, subpackages } from './weapp-packages';

const ROOT = path.resolve(__dirname, '..');
const DIST = path.join(ROOT, 'dist', 'weapp');

async function main(): Promise<number> {
  if (!fs.existsSync(path.join(DIST, 'app.json'))) {
    console.error('dist/weapp is missing: run npm run build:weapp first');
    return 1;
  }
  const projectConfig = JSON.parse(fs.readFileSync(path.join(ROOT, 'project.config.json'), 'utf8')) as { appid: string };
  const project = new ci.Project({
    appid: projectConfig.appid,
    type: 'miniProgram',
    projectPath: DIST,
    // Compiling locally needs no real key; the key is only used to sign uploads.
    privateKey: 'offline-compile-check',
    ignores: ['node_modules/**/*', '**/*.LICENSE.txt'],
  });
  // Without network the project's attributes cannot be fetched: use the devtools defaults.
  (project as unknown as { attr: () => Promise<unknown> }).attr = async () => ({ ...ci.DefaultProjectAttr });

  const compiled = await ci.getCompiledResult({
    project,
    version: '0.0.0',
    setting: { es6: true, es7: true, minifyJS: true, minifyWXML: true, minifyWXSS: true, minify: true, autoPrefixWXSS: true },
  });

  const roots = subpackages(DIST).map((s) => s.root);
  const bytes = new Map<string, number>([['main', 0], ...roots.map((r): [string, number] => [r.slice(0, -1), 0])]);
  for (const [file, content] of Object.entries(compiled)) {
    const rel = file.replace(/^\//, '');
    const owner = roots.find((r) => rel.startsWith(r));
    const key = owner ? owner.slice(0, -1) : 'main';
    bytes.set(key, (bytes.get(key) ?? 0) + (typeof content === 'string' ? Buffer.byteLength(content) : content.length));
  }
  console.log(`WeChat compiler: ${Object.keys(compiled).length} files compiled`);
  for (const [name, size] of bytes) console.log(`  ${name.padEnd(20)} ${formatKB(size).padStart(10)}`);

  const analysis = await ci.analyseCode(project, { silent: true });
  const problems = JSON.stringify(analysis ?? {});
  const depErrors = (analysis as { errors?: unknown[] } | undefined)?.errors ?? [];
  if (depErrors.length) {
    console.error(`analyseCode found ${depErrors.length} dependency error(s): ${problems.slice(0, 2000)}`);
    return 1;
  }
  console.log('analyseCode: no dependency errors');
  return 0;
}

main()
  .then((code) => process.exit(code))
  .catch((err: unknown) => {
    console.error('WeChat compile failed:', err instanceof Error ? err.message : err);
    process.exit(1);
  });
