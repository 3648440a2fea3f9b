/**
 * Runs the localcloud CLI as a child process (TypeScript through tsx's loader) and waits for its
 * ready line. For tests that need a separate process (kill -9, signals), the benchmark and
 * browser suites.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { pathToFileURL } from 'node:url';

export interface SpawnedLocalcloud {
  url: string;
  port: number;
  child: ChildProcess;
  /** Everything the process wrote to stderr so far. */
  stderr(): string;
  /** Sends a signal and resolves with the exit code (or signal name). */
  kill(signal?: NodeJS.Signals): Promise<number | string>;
}

const CLI = path.join(__dirname, 'cli.ts');

/**
 * Node arguments that run a TypeScript file the way the tsx CLI does, but in this child process
 * itself: the tsx CLI would run it in a grandchild, which a SIGKILL of the child leaves running.
 */
export function tsxNodeArgs(file: string): string[] {
  return ['--require', require.resolve('tsx/preflight'), '--import', pathToFileURL(require.resolve('tsx')).href, file];
}

export function spawnLocalcloud(
  args: string[],
  options: { cwd?: string; timeoutMs?: number; env?: NodeJS.ProcessEnv } = {},
): Promise<SpawnedLocalcloud> {
  const child = spawn(process.execPath, [...tsxNodeArgs(CLI), ...args], {
    cwd: options.cwd ?? path.resolve(__dirname, '..'),
    env: options.env ?? process.env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stdout = '';
  let stderr = '';
  child.stderr?.setEncoding('utf8').on('data', (chunk: string) => {
    stderr += chunk;
  });
  const exited = new Promise<number | string>((resolve) => {
    child.once('exit', (code, signal) => resolve(code ?? signal ?? -1));
  });
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGKILL');
      reject(new Error(`localcloud did not become ready within ${options.timeoutMs ?? 30000} ms\n${stderr}`));
    }, options.timeoutMs ?? 30000);
    child.stdout?.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
      const match = /^localcloud ready (http:\/\/[^\s]+:(\d+))$/m.exec(stdout);
      if (match) {
        clearTimeout(timer);
        resolve({
          url: match[1],
          port: Number(match[2]),
          child,
          stderr: () => stderr,
          kill: (signal = 'SIGTERM') => {
            if (child.exitCode === null && child.signalCode === null) child.kill(signal);
            return exited;
          },
        });
      }
    });
    void exited.then((code) => {
      clearTimeout(timer);
      reject(Object.assign(new Error(`localcloud exited (${code}) before it was ready\n${stderr}`), { exitCode: code, stderr }));
    });
  });
}
