import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * Static guards for the shared code the client and the functions both run: rules are pure
 * (no I/O, no clock, no randomness of their own), typed (no `any`), and Shanghai time is computed
 * in one module (`time/shanghai.ts`): nobody else declares the +08:00 offset or reads local time.
 */
const SHARED = join(__dirname, '..');
const ROOTS = ['domain', 'content', 'contracts', 'time'].map((d) => join(SHARED, d));

function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return name === '__fixtures__' ? [] : sources(path);
    return name.endsWith('.ts') && !name.endsWith('.test.ts') ? [path] : [];
  });
}

const FILES = ROOTS.flatMap(sources).map((path) => ({ name: relative(SHARED, path), text: readFileSync(path, 'utf8') }));

describe('shared rules stay pure', () => {
  it.each(FILES.map((f) => [f.name, f.text]))('%s', (name, text) => {
    expect(text).not.toMatch(/Math\.random\(/);
    expect(text).not.toMatch(/Date\.now\(|new Date\(\)/);
    expect(text).not.toMatch(/:\s*any\b|as any\b|<any>|@ts-ignore|@ts-expect-error/);
    expect(text).not.toMatch(/from 'node:|from '(fs|path|crypto|child_process|http)'/);
    expect(text).not.toMatch(/getHours|getDate\(|getDay\(|setHours|toLocale/);
    if (name !== 'time/shanghai.ts') expect(text).not.toMatch(/8 \* 3_?600_?000|SHANGHAI_OFFSET_MS\s*=|from 'dayjs/);
  });
});
