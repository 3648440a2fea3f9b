/**
 * Bundles every cloud function into a deployable folder:
 *   cloudfunctions/<name>/index.ts  →  dist/cloudfunctions/<name>/{index.js, package.json, config.json}
 * esbuild inlines the function's own code and the `shared/` domain it imports; wx-server-sdk stays
 * external (the cloud installs it from the generated package.json). Folders starting with `_`
 * hold code the functions share and are not functions themselves.
 */
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';

const ROOT = path.resolve(__dirname, '..');
const SOURCE_DIR = path.join(ROOT, 'cloudfunctions');
const SDK = 'wx-server-sdk';

export interface BuiltFunction {
  name: string;
  dir: string;
  bytes: number;
}

function sdkVersion(): string {
  const rootPkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as {
    devDependencies?: Record<string, string>;
    dependencies?: Record<string, string>;
  };
  const version = rootPkg.dependencies?.[SDK] ?? rootPkg.devDependencies?.[SDK];
  if (!version) throw new Error(`${SDK} is not pinned in the root package.json`);
  return version;
}

export function functionNames(sourceDir = SOURCE_DIR): string[] {
  if (!fs.existsSync(sourceDir)) return [];
  return fs
    .readdirSync(sourceDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(sourceDir, d.name, 'index.ts')))
    .map((d) => d.name)
    .sort();
}

function deployManifest(name: string, sourcePkgPath: string): string {
  const source = fs.existsSync(sourcePkgPath) ? (JSON.parse(fs.readFileSync(sourcePkgPath, 'utf8')) as Record<string, unknown>) : {};
  // The bundle already holds everything else: the only runtime dependency is the SDK.
  const manifest = {
    name,
    version: typeof source.version === 'string' ? source.version : '1.0.0',
    description: typeof source.description === 'string' ? source.description : `${name} cloud function`,
    main: 'index.js',
    private: true,
    dependencies: { [SDK]: sdkVersion() },
  };
  return `${JSON.stringify(manifest, null, 2)}\n`;
}

export interface BuildOptions {
  sourceDir?: string;
  outDir?: string;
  names?: string[];
  minify?: boolean;
}

export async function buildFunctions(options: BuildOptions = {}): Promise<BuiltFunction[]> {
  const sourceDir = options.sourceDir ?? SOURCE_DIR;
  const outRoot = options.outDir ?? path.join(ROOT, 'dist', 'cloudfunctions');
  const names = options.names ?? functionNames(sourceDir);
  const built: BuiltFunction[] = [];
  for (const name of names) {
    const src = path.join(sourceDir, name);
    const out = path.join(outRoot, name);
    fs.rmSync(out, { recursive: true, force: true });
    fs.mkdirSync(out, { recursive: true });
    await build({
      entryPoints: [path.join(src, 'index.ts')],
      outfile: path.join(out, 'index.js'),
      bundle: true,
      platform: 'node',
      // WeChat cloud functions run on Node 16 unless the env is upgraded.
      target: 'node16',
      format: 'cjs',
      external: [SDK],
      tsconfig: path.join(ROOT, 'tsconfig.json'),
      minify: options.minify ?? false,
      sourcemap: false,
      legalComments: 'none',
      // Keep Chinese messages readable in the deployed bundle.
      charset: 'utf8',
      logLevel: 'warning',
    });
    fs.writeFileSync(path.join(out, 'package.json'), deployManifest(name, path.join(src, 'package.json')));
    const configPath = path.join(src, 'config.json');
    fs.writeFileSync(
      path.join(out, 'config.json'),
      fs.existsSync(configPath) ? fs.readFileSync(configPath) : '{\n  "permissions": { "openapi": [] }\n}\n',
    );
    built.push({ name, dir: out, bytes: fs.statSync(path.join(out, 'index.js')).size });
  }
  return built;
}

if (require.main === module) {
  const started = Date.now();
  buildFunctions()
    .then((built) => {
      if (built.length === 0) console.log('no cloud functions found under cloudfunctions/');
      for (const f of built)
        console.log(`built ${f.name.padEnd(10)} ${(f.bytes / 1024).toFixed(1).padStart(7)} KB  → ${path.relative(ROOT, f.dir)}`);
      console.log(`${built.length} function(s) in ${Date.now() - started} ms`);
    })
    .catch((err: unknown) => {
      console.error(err);
      process.exit(1);
    });
}
