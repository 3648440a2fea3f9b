import { readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';

/**
 * The client bundles `shared/contracts`: its runtime imports (type-only ones are erased) must
 * reach nothing but zod and dependency-free modules of `shared/` — no dayjs, no Node built-ins.
 */
const RUNTIME_IMPORT = /^(?:import|export)\s+(?!type\b)(?:[^'";]*?\sfrom\s+)?'([^']+)'/gm;

function runtimeImports(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(RUNTIME_IMPORT)].map((m) => m[1]);
}

function closure(entry: string): { files: Set<string>; packages: Set<string> } {
  const files = new Set<string>();
  const packages = new Set<string>();
  const visit = (file: string) => {
    if (files.has(file)) return;
    files.add(file);
    for (const spec of runtimeImports(file)) {
      if (spec.startsWith('.')) visit(`${resolve(dirname(file), spec)}.ts`);
      else packages.add(spec);
    }
  };
  visit(entry);
  return { files, packages };
}

describe('contracts bundle', () => {
  it('imports only zod at runtime', () => {
    const { files, packages } = closure(join(__dirname, 'index.ts'));
    expect([...packages]).toEqual(['zod']);
    const shared = resolve(__dirname, '..');
    for (const f of files) expect(f.startsWith(shared)).toBe(true);
    expect([...files].some((f) => f.includes('time/shanghai'))).toBe(false);
  });
});
