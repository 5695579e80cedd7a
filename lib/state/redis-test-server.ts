/**
 * Test helper: a private, throw-away `redis-server` on a free loopback port (no persistence),
 * started and stopped by the test that needs it, never the machine's own service.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { createConnection, createServer } from 'node:net';

/** Why Redis-backed tests are skipped on this machine, or null when `redis-server` is installed. */
export function redisServerMissing(): string | null {
  const probe = spawnSync('redis-server', ['--version'], { encoding: 'utf8' });
  if (probe.error || probe.status !== 0) {
    return 'redis-server is not installed (apt-get install redis-server): Redis-backed tests skipped';
  }
  return null;
}

/** A free TCP port on 127.0.0.1 (the OS picks it; it is free again once this returns). */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const address = srv.address();
      srv.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

/** A private redis-server that can be stopped and started again on the same port. */
export interface RedisTestServer {
  readonly port: number;
  /** `redis://127.0.0.1:<port>` */
  readonly url: string;
  /** Starts it (again), resolving once it accepts connections. */
  start(): Promise<void>;
  /** Stops it (SIGTERM, then SIGKILL), resolving once the process has exited. */
  stop(): Promise<void>;
}

function accepts(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = createConnection({ port, host: '127.0.0.1' });
    socket.once('connect', () => {
      socket.write('PING\r\n');
      socket.once('data', (data) => {
        socket.destroy();
        resolve(data.toString().startsWith('+PONG'));
      });
    });
    socket.once('error', () => resolve(false));
  });
}

/** Starts a private redis-server on a free port (call {@link redisServerMissing} first). */
export async function startRedisServer(): Promise<RedisTestServer> {
  const port = await freePort();
  let child: ChildProcess | undefined;
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const server: RedisTestServer = {
    port,
    url: `redis://127.0.0.1:${port}`,
    async start() {
      if (child) return;
      const proc = spawn('redis-server', args, { stdio: ['ignore', 'ignore', 'pipe'] });
      child = proc;
      let stderr = '';
      proc.stderr?.on('data', (d: Buffer) => (stderr += d.toString()));
      proc.once('exit', () => {
        if (child === proc) child = undefined;
      });
      for (let i = 0; i < 100; i++) {
        if (await accepts(port)) return;
        if (child !== proc) throw new Error(`redis-server exited on port ${port}: ${stderr}`);
        await new Promise((r) => setTimeout(r, 50));
      }
      throw new Error(`redis-server did not accept connections on port ${port}`);
    },
    async stop() {
      const proc = child;
      if (!proc) return;
      const exited = new Promise<void>((r) => proc.once('exit', () => r()));
      proc.kill('SIGTERM');
      const timer = setTimeout(() => proc.kill('SIGKILL'), 3_000);
      await exited;
      clearTimeout(timer);
      child = undefined;
    },
  };
  await server.start();
  return server;
}
