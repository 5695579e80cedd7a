/**
 * Extra `next start` processes of the production build Playwright's webServer made (its
 * NEXT_DIST_DIR, default `.next`), for tests that need several instances or a restart.
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { generateSigningJwk } from '../lib/oauth/key-store';
import { freePort, startRedisServer, type RedisTestServer } from '../lib/state/redis-test-server';

/** One `next start` process on a loopback port that can be stopped and started again. */
export interface Instance {
  readonly url: string;
  /** Starts it (again), resolving once its metadata endpoint answers. */
  start(): Promise<void>;
  /** Stops it (`signal`, SIGTERM by default, to its process group, then SIGKILL), resolving once it has exited. */
  stop(signal?: NodeJS.Signals): Promise<void>;
}

/** Signals a whole process group (next may fork workers); a group already gone is fine. */
function killGroup(pid: number | undefined, signal: NodeJS.Signals): void {
  try {
    if (pid) process.kill(-pid, signal);
  } catch {
    // already gone
  }
}

/** An instance on `port` with `env` added to this process's environment (not yet started). */
export function nextInstance(port: number, env: Record<string, string>): Instance {
  const url = `http://127.0.0.1:${port}`;
  let child: ChildProcess | undefined;
  let output = '';
  return {
    url,
    async start() {
      if (child) return;
      output = '';
      const proc = spawn(
        process.execPath,
        ['node_modules/next/dist/bin/next', 'start', '-H', '127.0.0.1', '-p', String(port)],
        {
          env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', ...env },
          stdio: ['ignore', 'pipe', 'pipe'],
          detached: true,
        },
      );
      child = proc;
      proc.stdout?.on('data', (d: Buffer) => (output += d.toString()));
      proc.stderr?.on('data', (d: Buffer) => (output += d.toString()));
      proc.once('exit', () => {
        if (child === proc) child = undefined;
      });
      const deadline = Date.now() + 60_000;
      while (Date.now() < deadline) {
        if (child !== proc) throw new Error(`next start on ${port} exited:\n${output}`);
        try {
          const res = await fetch(`${url}/.well-known/oauth-authorization-server`);
          if (res.ok) return;
        } catch {
          // not listening yet
        }
        await new Promise((r) => setTimeout(r, 200));
      }
      throw new Error(`next start on ${port} did not answer within 60 s:\n${output}`);
    },
    async stop(signal: NodeJS.Signals = 'SIGTERM') {
      const proc = child;
      if (!proc) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      killGroup(proc.pid, signal);
      const timer = setTimeout(() => killGroup(proc.pid, 'SIGKILL'), 5_000);
      await exited;
      clearTimeout(timer);
      killGroup(proc.pid, 'SIGKILL'); // any forked worker left in the group
      child = undefined;
    },
  };
}

/** Two instances sharing a private redis-server (and a signing key, issuer, instructor key). */
export interface RedisPair {
  readonly a: Instance;
  readonly b: Instance;
  /** The redis-server they share (tests stop and start it to take Redis down). */
  readonly redis: RedisTestServer;
  /** Stops both instances and the redis-server, and removes their data folders. */
  stop(): Promise<void>;
}

/**
 * Starts a private redis-server and two instances of the build sharing it, each with its own
 * data folder (skip the test first when `redisServerMissing()` says so).
 */
export async function startRedisPair(instructorKey: string): Promise<RedisPair> {
  const redis = await startRedisServer();
  const dirs: string[] = [];
  const env = {
    FLOWLAB_SIGNING_KEY: JSON.stringify(await generateSigningJwk()),
    FLOWLAB_ISSUER: 'http://flowlab.test',
    FLOWLAB_INSTRUCTOR_KEY: instructorKey,
    FLOWLAB_REDIS_URL: redis.url,
  };
  const instance = async () => {
    const dir = await mkdtemp(join(tmpdir(), 'flowlab-instance-'));
    dirs.push(dir);
    return nextInstance(await freePort(), { ...env, FLOWLAB_DATA_DIR: dir });
  };
  const a = await instance();
  const b = await instance();
  const stop = async () => {
    await Promise.all([a.stop(), b.stop(), redis.stop()]);
    await Promise.all(dirs.map((d) => rm(d, { recursive: true, force: true })));
  };
  try {
    await Promise.all([a.start(), b.start()]);
  } catch (e) {
    await stop();
    throw e;
  }
  return { a, b, redis, stop };
}
