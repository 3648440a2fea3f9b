/** Reads a built mini-program (dist/weapp) and sizes its main package and subpackages. */
import fs from 'node:fs';
import path from 'node:path';

export const MAIN_PACKAGE_BUDGET = 1024 * 1024; // SPEC section 7 (WeChat's hard limit is 2 MB)
export const SUBPACKAGE_LIMIT = 2 * 1024 * 1024; // WeChat's limit per subpackage
export const TOTAL_LIMIT = 20 * 1024 * 1024; // WeChat's limit for all packages together

export interface PackageSize {
  name: string;
  root: string;
  bytes: number;
  files: number;
  budget: number;
}

interface AppJson {
  subPackages?: { root: string; name?: string }[];
  subpackages?: { root: string; name?: string }[];
}

export function filesUnder(dir: string): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(p));
    else out.push(p);
  }
  return out;
}

/** Files WeChat does not upload as part of any package. */
function isUploaded(rel: string): boolean {
  return rel !== 'project.config.json' && rel !== 'project.private.config.json' && !rel.endsWith('.LICENSE.txt') && !rel.endsWith('.map');
}

/** The subpackages of a built mini-program, each root normalised to `dir/`. */
export function subpackages(distDir: string): { root: string; name?: string }[] {
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as AppJson;
  return (appJson.subPackages ?? appJson.subpackages ?? []).map((s) => ({ ...s, root: s.root.replace(/^\/|\/$/g, '') + '/' }));
}

export function measureWeapp(distDir: string): PackageSize[] {
  const subs = subpackages(distDir);
  const sizes: PackageSize[] = [{ name: 'main', root: '', bytes: 0, files: 0, budget: MAIN_PACKAGE_BUDGET }];
  for (const s of subs) sizes.push({ name: s.name ?? s.root.slice(0, -1), root: s.root, bytes: 0, files: 0, budget: SUBPACKAGE_LIMIT });
  for (const file of filesUnder(distDir)) {
    const rel = path.relative(distDir, file).split(path.sep).join('/');
    if (!isUploaded(rel)) continue;
    const owner = sizes.find((s) => s.root && rel.startsWith(s.root)) ?? sizes[0];
    owner.bytes += fs.statSync(file).size;
    owner.files += 1;
  }
  return sizes;
}

export function formatKB(bytes: number): string {
  return `${(bytes / 1024).toFixed(1)} KB`;
}
