// The servers `load-live.mjs --compare` starts for itself, on free loopback ports: a private
// redis-server (no persistence) and `next start` instances of an existing build, each with its
// own temporary data folder. Everything started here is stopped by stopAll(), also on errors.
import { spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { createConnection, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const started = [];
const dirs = [];

/** A free TCP port on 127.0.0.1. */
export function freePort() {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address();
      srv.close(() => resolve(port));
    });
  });
}

const pause = (ms) => new Promise((r) => setTimeout(r, ms));

function pong(port) {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (d) => {
        socket.destroy();
        resolve(d.toString().startsWith('+PONG'));
      });
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a private redis-server; resolves to its URL, or null (with the reason) when missing. */
export async function startRedis() {
  const probe = spawnSync('redis-server', ['--version']);
  if (probe.error || probe.status !== 0) return null;
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const proc = spawn('redis-server', args, { stdio: 'ignore', detached: true });
  started.push(proc);
  for (let i = 0; i < 100; i++) {
    if (await pong(port)) return `redis://127.0.0.1:${port}`;
    await pause(50);
  }
  throw new Error(`redis-server did not start on port ${port}`);
}

/** Starts `next start` of the build in `distDir` with `env`; resolves to its base URL. */
export async function startInstance(distDir, env) {
  if (!existsSync(join(distDir, 'BUILD_ID'))) {
    throw new Error(
      `No build in ${distDir}: run \`NEXT_DIST_DIR=${distDir} npx next build\` first.`,
    );
  }
  const port = await freePort();
  const dir = await mkdtemp(join(tmpdir(), 'flowlab-load-'));
  dirs.push(dir);
  const proc = spawn(
    process.execPath,
    ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
    {
      env: {
        ...process.env,
        NEXT_TELEMETRY_DISABLED: '1',
        NEXT_DIST_DIR: distDir,
        FLOWLAB_DATA_DIR: dir,
        ...env,
      },
      stdio: ['ignore', 'ignore', 'pipe'],
      detached: true,
    },
  );
  let stderr = '';
  proc.stderr.on('data', (d) => (stderr += d));
  started.push(proc);
  const url = `http://127.0.0.1:${port}`;
  for (let i = 0; i < 300; i++) {
    if (proc.exitCode !== null) throw new Error(`next start exited: ${stderr}`);
    const ok = await fetch(`${url}/.well-known/oauth-authorization-server`).then(
      (r) => r.ok,
      () => false,
    );
    if (ok) return url;
    await pause(200);
  }
  throw new Error(`next start on ${port} did not answer within 60 s: ${stderr}`);
}

/** Stops everything started here (SIGTERM to each process group, SIGKILL after 5 s). */
export async function stopAll() {
  await Promise.all(
    started.splice(0).map(
      (proc) =>
        new Promise((resolve) => {
          if (proc.exitCode !== null || proc.signalCode !== null) return resolve();
          const kill = (signal) => {
            try {
              process.kill(-proc.pid, signal);
            } catch {
              // already gone
            }
          };
          const timer = setTimeout(() => kill('SIGKILL'), 5000);
          proc.once('exit', () => {
            clearTimeout(timer);
            resolve();
          });
          kill('SIGTERM');
        }),
    ),
  );
  await Promise.all(dirs.splice(0).map((d) => rm(d, { recursive: true, force: true })));
}

/** Kills what is left synchronously (the hard time limit and signals). */
export function killAllNow() {
  for (const proc of started) {
    try {
      process.kill(-proc.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
}
