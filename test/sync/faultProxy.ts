/**
 * A TCP proxy on loopback between a till and PostgreSQL that misbehaves at random: it delays chunks
 * (order kept), cuts connections (both ends destroyed mid-stream), black-holes some (bytes stop
 * flowing; the client's query timeout must notice) and refuses new connections while "down".
 */
import net from 'node:net';

export interface Faults {
  /** Chance per forwarded chunk that the connection is cut. */
  cut: number;
  /** Chance per forwarded chunk that the connection goes silent for good. */
  blackhole: number;
  /** Largest delay added to a chunk (ms). */
  delayMaxMs: number;
  /** Refuse every new connection. */
  down: boolean;
}

export const noFaults: Faults = { cut: 0, blackhole: 0, delayMaxMs: 0, down: false };

export interface FaultProxy {
  readonly port: number;
  readonly stats: { connections: number; cuts: number; blackholes: number; refused: number };
  setFaults(faults: Partial<Faults>): void;
  /** Cuts every open connection now. */
  cutAll(): void;
  close(): Promise<void>;
}

export async function startFaultProxy(
  target: { host: string; port: number },
  initial: Partial<Faults> = {},
  random: () => number = Math.random,
): Promise<FaultProxy> {
  let faults: Faults = { ...noFaults, ...initial };
  const stats = { connections: 0, cuts: 0, blackholes: 0, refused: 0 };
  const open = new Set<net.Socket>();

  const server = net.createServer((client) => {
    open.add(client);
    client.on('close', () => open.delete(client));
    client.on('error', () => undefined);
    if (faults.down) {
      stats.refused += 1;
      client.destroy();
      return;
    }
    stats.connections += 1;
    const upstream = net.connect(target);
    open.add(upstream);
    upstream.on('close', () => open.delete(upstream));
    upstream.on('error', () => client.destroy());
    client.on('error', () => upstream.destroy());
    client.on('close', () => upstream.destroy());
    upstream.on('close', () => client.destroy());
    let silent = false;
    const pipe = (from: net.Socket, to: net.Socket) => {
      let queue = Promise.resolve();
      from.on('data', (chunk: Buffer) => {
        if (silent) return;
        const roll = random();
        if (roll < faults.cut) {
          stats.cuts += 1;
          client.destroy();
          upstream.destroy();
          return;
        }
        if (roll < faults.cut + faults.blackhole) {
          stats.blackholes += 1;
          silent = true;
          return;
        }
        const delay = faults.delayMaxMs > 0 ? Math.floor(random() * faults.delayMaxMs) : 0;
        queue = queue.then(
          () =>
            new Promise<void>((resolve) => {
              const send = () => {
                if (!silent && !to.destroyed) to.write(chunk);
                resolve();
              };
              if (delay > 0) setTimeout(send, delay);
              else send();
            }),
        );
      });
    };
    pipe(client, upstream);
    pipe(upstream, client);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  return {
    port,
    stats,
    setFaults(next) {
      faults = { ...faults, ...next };
    },
    cutAll() {
      const clients = [...open].filter((socket) => socket.remotePort !== target.port);
      stats.cuts += clients.length;
      for (const socket of open) socket.destroy();
    },
    async close() {
      for (const socket of open) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}
