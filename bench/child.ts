import { spawn, type ChildProcess, type Serializable } from 'node:child_process';
import { fileURLToPath } from 'node:url';

/** A bench file beside this one, by absolute path, so `npm run bench` works from any directory. */
const benchFile = (name: string) => fileURLToPath(new URL(name, import.meta.url));

/** Kills a child that outlives its budget: the benchmark must stop by itself, even if a server hangs. */
function guard(child: ChildProcess, name: string, timeoutMs: number, reject: (error: Error) => void): NodeJS.Timeout {
  return setTimeout(() => {
    child.kill('SIGKILL');
    reject(new Error(`${name} did not finish within ${timeoutMs / 1000} s`));
  }, timeoutMs);
}

/**
 * Runs a bench file in its own Node process (its memory and event loop are its own) and returns what it
 * printed on stdout as JSON.
 */
export function runChild<T>(name: string, args: string[], timeoutMs = 300_000): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', benchFile(name), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    const timer = guard(child, name, timeoutMs, reject);
    let out = '';
    child.stdout!.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      clearTimeout(timer);
      if (code !== 0) return reject(new Error(`${name} exited with ${code}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`${name} printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}

export interface ServerChild<Ready> {
  /** What the child sent once it was ready (its origin, …). */
  ready: Ready;
  /** Sends a command and waits for the child's answer (one command at a time). */
  ask<T>(command: Serializable): Promise<T>;
  /** Asks the child to close its server and resolves once the process has exited. */
  close(): Promise<void>;
  /** Kills the child if it is still running (cleanup after an error). */
  kill(): void;
}

/**
 * Starts a long-lived server in its own process; it sends one message once ready (e.g. `{ origin }`), then
 * answers commands over Node's IPC channel, and exits (code 0) when told `close`.
 */
export function startServerChild<Ready>(name: string, args: string[], timeoutMs = 600_000): Promise<ServerChild<Ready>> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', benchFile(name), ...args], { stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    let pending: { resolve(value: unknown): void; reject(error: Error): void } | null = null;
    const fail = (error: Error) => {
      reject(error);
      pending?.reject(error);
      pending = null;
    };
    const timer = guard(child, name, timeoutMs, fail);
    const exited = new Promise<number | null>((resolveExit) => {
      child.on('exit', (code) => {
        clearTimeout(timer);
        if (code !== 0) fail(new Error(`${name} exited with ${code}`));
        resolveExit(code);
      });
    });
    child.on('error', fail);
    child.once('message', (ready) => {
      child.on('message', (answer) => {
        pending?.resolve(answer);
        pending = null;
      });
      resolve({
        ready: ready as Ready,
        ask: <T>(command: Serializable) =>
          new Promise<T>((answered, failed) => {
            pending = { resolve: (value) => answered(value as T), reject: failed };
            child.send(command);
          }),
        close: async () => {
          child.send('close');
          const code = await exited;
          if (code !== 0) throw new Error(`${name} exited with ${code} while closing`);
        },
        kill: () => {
          if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
        },
      });
    });
  });
}
