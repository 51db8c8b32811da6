/**
 * Runs Node on a script in a child process and collects its exit status and
 * output, without blocking the test worker's event loop (spawnSync would hold
 * it for the whole run): independent runs overlap, and a test's own HTTP
 * server keeps answering. Standard input gets `input` (empty by default).
 */
import { spawn } from 'node:child_process';

export interface NodeRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export interface NodeRunOptions {
  input?: string | Buffer;
  cwd?: string;
  env?: NodeJS.ProcessEnv;
  /** Milliseconds before the child is killed (none by default). */
  timeout?: number;
}

export function runNode(args: string[], options: NodeRunOptions = {}): Promise<NodeRun> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, { cwd: options.cwd, env: options.env, timeout: options.timeout });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    child.on('error', reject);
    child.on('close', (status) => resolve({ status, stdout, stderr }));
    child.stdin.on('error', () => {}); // a child that exits before reading all of its input
    child.stdin.end(options.input ?? '');
  });
}
