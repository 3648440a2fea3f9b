/**
 * Checks a built dist/weapp for code that belongs to the H5 build only (the localcloud
 * gateway and its identity header): Taro's per-platform files must keep them out.
 */
import fs from 'node:fs';
import path from 'node:path';
import { filesUnder } from './weapp-packages';

const ROOT = path.resolve(__dirname, '..');
export const H5_ONLY_MARKERS = ['x-wx-openid', '/functions/', 'sessionStorage'];

export function findH5Code(distDir: string): { file: string; marker: string }[] {
  const hits: { file: string; marker: string }[] = [];
  for (const file of filesUnder(distDir).filter((f) => /\.(js|wxml|wxs|json)$/.test(f))) {
    const text = fs.readFileSync(file, 'utf8');
    for (const marker of H5_ONLY_MARKERS) if (text.includes(marker)) hits.push({ file: path.relative(distDir, file), marker });
  }
  return hits;
}

if (require.main === module) {
  const distDir = path.join(ROOT, 'dist', 'weapp');
  if (!fs.existsSync(path.join(distDir, 'app.json'))) {
    console.error('dist/weapp is missing: run npm run build:weapp first');
    process.exit(1);
  }
  const hits = findH5Code(distDir);
  for (const h of hits) console.error(`H5-only code in the weapp build: "${h.marker}" in ${h.file}`);
  if (hits.length) process.exit(1);
  console.log('weapp build holds no H5 gateway code');
}
