import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';
import { z } from 'zod';
import { waitFor } from './eventually.ts';

const ROOT = join(import.meta.dirname, '../..');

/** What server/main.ts sends its parent once it listens. */
const listeningMessage = z.object({ type: z.literal('listening'), url: z.url(), appUrl: z.url() });

export interface AppProcess {
  child: ChildProcess;
  /** Resolves once it listens, with where (loopback) and its HOST (the URL it names itself by, with that port). */
  listening(timeoutMs?: number): Promise<{ url: URL; appUrl: URL }>;
  /** The last few kilobytes it wrote to stderr, for failure messages. */
  stderr(): string;
}

/**
 * The app as its own process, `node --import tsx server/main.ts` (one process, no tsx wrapper, so a SIGKILL hits
 * the server itself), on a port of its own choosing: PORT=0 and HOST=http://localhost:0 unless `env` says
 * otherwise. It reports where it listens over IPC once it is ready; nothing races it for the port. Tell the sandbox
 * (`sandbox.setAppUrl(appUrl)`) before it needs to reach the app.
 */
export function spawnAppProcess(env: Record<string, string>): AppProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/main.ts'], {
    cwd: ROOT,
    env: { ...process.env, PORT: '0', HOST: 'http://localhost:0', ...env },
    stdio: ['ignore', 'ignore', 'pipe', 'ipc'],
  });
  let stderr = '';
  child.stderr!.on('data', (chunk: Buffer) => (stderr = (stderr + chunk.toString()).slice(-4_000)));
  let reported: z.infer<typeof listeningMessage> | undefined;
  child.on('message', (message) => {
    const parsed = listeningMessage.safeParse(message);
    if (parsed.success) reported = parsed.data;
  });
  return {
    child,
    stderr: () => stderr,
    // A deadline for a child that never starts: tsx compiles the whole server first, past 30 s on a loaded 2-core machine.
    async listening(timeoutMs = 90_000) {
      const ready = await waitFor(
        () => {
          if (reported) return reported;
          if (child.exitCode !== null || child.signalCode !== null) {
            throw new Error(`the app process exited (${child.exitCode ?? child.signalCode}) before listening:\n${stderr}`);
          }
          return undefined;
        },
        { timeoutMs, message: () => `the app process to listen; its stderr:\n${stderr}` },
      );
      return { url: new URL(ready.url), appUrl: new URL(ready.appUrl) };
    },
  };
}

/** Resolves once the process has exited (at once if it already has). */
export function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}
