import { spawn } from 'node:child_process';

/** Runs a TypeScript file in its own Node process and returns what it printed as JSON. */
export function runChild<T>(file: string, args: string[]): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', 'tsx', file, ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.on('data', (chunk) => (out += chunk));
    child.on('error', reject);
    child.on('exit', (code) => {
      if (code !== 0) return reject(new Error(`${file} exited with ${code}`));
      try {
        resolve(JSON.parse(out) as T);
      } catch {
        reject(new Error(`${file} printed no result: ${out.slice(0, 200)}`));
      }
    });
  });
}
