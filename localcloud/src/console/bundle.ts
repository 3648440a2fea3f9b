import { createHash } from 'node:crypto';
import path from 'node:path';

/**
 * The console page (`localcloud/console/`, React) bundled with esbuild on first request and kept
 * in memory for the life of the process: one JS and one CSS file, minified, no source maps.
 */

export interface ConsoleBundle {
  js: Buffer;
  css: Buffer;
  /** Content hash, for cache-busting asset URLs. */
  version: string;
}

const ENTRY = path.resolve(__dirname, '..', '..', 'console', 'main.tsx');

let building: Promise<ConsoleBundle> | null = null;

async function buildBundle(): Promise<ConsoleBundle> {
  const esbuild = await import('esbuild');
  const result = await esbuild.build({
    entryPoints: [ENTRY],
    bundle: true,
    write: false,
    outdir: 'console',
    format: 'iife',
    target: 'es2020',
    jsx: 'automatic',
    minify: true,
    legalComments: 'none',
    define: { 'process.env.NODE_ENV': '"production"' },
    logLevel: 'silent',
  });
  const js = result.outputFiles.find((f) => f.path.endsWith('.js'));
  const css = result.outputFiles.find((f) => f.path.endsWith('.css'));
  if (!js || !css) throw new Error('the console bundle is missing its JS or CSS output');
  const version = createHash('sha256').update(js.contents).update(css.contents).digest('hex').slice(0, 12);
  return { js: Buffer.from(js.contents), css: Buffer.from(css.contents), version };
}

/** The bundle, built once per process (a failed build is retried on the next request). */
export function consoleBundle(): Promise<ConsoleBundle> {
  building ??= buildBundle().catch((err: unknown) => {
    building = null;
    throw err;
  });
  return building;
}
