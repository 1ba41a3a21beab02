import { spawn, type ChildProcess } from 'node:child_process';
import { join } from 'node:path';

const ROOT = join(__dirname, '../../..');

/** Runs a service as its own process, as npm start does, and waits for /health/ready. */
export async function startServiceProcess(service: string, port: number, env: Record<string, string>, nodeArgs: string[] = []): Promise<ChildProcess> {
  // The same V8 flag as npm start and the image give a service (deploy/local/start.sh).
  const child = spawn(process.execPath, ['--max-semi-space-size=32', ...nodeArgs, '-r', join(ROOT, 'deploy/local/register.js'), join(ROOT, `services/${service}/src/main.ts`)], {
    cwd: join(ROOT, `services/${service}`),
    env: { ...process.env, ...env, [`${service.toUpperCase()}_PORT`]: String(port) },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  const deadline = Date.now() + 60000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`${service} exited with ${child.exitCode}`);
    try {
      const r = await fetch(`http://127.0.0.1:${port}/health/ready`);
      if (r.status === 200) return child;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`${service} not ready after 60 s`);
    await new Promise((r) => setTimeout(r, 250));
  }
}

/** SIGTERM, then wait for the process to finish its graceful shutdown (SIGKILL after 15 s). */
export async function stopServiceProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), 15000);
  await exited;
  clearTimeout(timer);
}
