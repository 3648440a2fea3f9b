#!/usr/bin/env node
// `prestart` / `pretest`: makes `npm start` and `npm test` work straight after `git clone`.
// Plain Node on purpose: it runs before any dependency is installed.
//
// - Installs the locked dependencies when node_modules is missing or older than package-lock.json
//   (`npm install` installs exactly the locked versions; see README for why not `npm ci`).
// - For `npm test` only: the browser tests drive Debian's Chromium at /usr/bin/chromium; when it is
//   missing and we run as root on Debian, installs it (with the CJK and emoji fonts the pages need),
//   as `.ci/run` does. Anywhere else it says what to install and carries on (the other tests run).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const forTests = process.argv.includes('--test');

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return null;
  }
}

function run(command, args) {
  const res = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (res.status !== 0) {
    console.error(`setup: \`${command} ${args.join(' ')}\` failed (exit ${res.status ?? res.signal})`);
    process.exit(res.status ?? 1);
  }
}

function ensureDependencies() {
  const lock = mtime(path.join(root, 'package-lock.json'));
  // npm writes node_modules/.package-lock.json at the end of every install.
  const installed = mtime(path.join(root, 'node_modules', '.package-lock.json'));
  if (installed !== null && (lock === null || installed >= lock)) return;
  console.log(
    installed === null
      ? 'setup: node_modules is missing — installing the locked dependencies (about 2 minutes, once)…'
      : 'setup: package-lock.json is newer than node_modules — installing the locked dependencies…',
  );
  run('npm', ['install', '--no-audit', '--no-fund']);
}

function hasFont(pattern) {
  const res = spawnSync('fc-list', [], { encoding: 'utf8' });
  return res.status === 0 && pattern.test(res.stdout);
}

function ensureBrowser() {
  const need = [];
  if (!fs.existsSync('/usr/bin/chromium')) need.push('chromium');
  if (!hasFont(/noto sans cjk/i)) need.push('fonts-noto-cjk');
  if (!hasFont(/noto color emoji/i)) need.push('fonts-noto-color-emoji');
  if (need.length === 0) return;
  const canApt = process.getuid?.() === 0 && fs.existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.warn(
      `setup: the browser tests need ${need.join(', ')} (Debian: apt-get install ${need.join(' ')}); they will fail without it.`,
    );
    return;
  }
  console.log(`setup: installing ${need.join(', ')} from Debian for the browser tests…`);
  process.env.DEBIAN_FRONTEND = 'noninteractive';
  run('apt-get', ['update', '-qq']);
  run('apt-get', ['install', '-y', '-qq', '--no-install-recommends', ...need]);
}

ensureDependencies();
if (forTests) ensureBrowser();
