/**
 * The bus-delay proxy: a TCP relay on 127.0.0.1 in front of one node's cluster-bus port that
 * delivers every byte a fixed time after it arrived, in both directions. Each node announces
 * the proxy's port as its bus port (`cluster-announce-bus-port`), so every other node's link
 * to it passes through the proxy: a message from A to B, and B's reply on that link, each
 * take the delay once (a one-way delay on every cluster-bus message). Client ports are not
 * proxied. Chunks keep their order: all timers of one proxy have the same duration, and Node
 * fires equal-duration timers in the order they were set.
 */
import { createServer, Socket, type Server } from 'node:net';

/** A running proxy; `close()` stops listening and destroys every relayed connection. */
export interface BusProxy {
  readonly listenPort: number;
  readonly targetPort: number;
  close(): Promise<void>;
}

function relay(from: Socket, to: Socket, delayMs: number, open: () => boolean): void {
  from.on('data', (chunk) => {
    setTimeout(() => { if (open() && !to.destroyed) to.write(chunk); }, delayMs);
  });
  from.on('end', () => setTimeout(() => { if (!to.destroyed) to.end(); }, delayMs));
}

/** Starts a proxy on 127.0.0.1:`listenPort` forwarding to 127.0.0.1:`targetPort` with `delayMs` one way. */
export function startBusProxy(listenPort: number, targetPort: number, delayMs: number): Promise<BusProxy> {
  const sockets = new Set<Socket>();
  let closed = false;
  const server: Server = createServer((inbound) => {
    if (closed) { inbound.destroy(); return; }
    const outbound = new Socket();
    sockets.add(inbound);
    sockets.add(outbound);
    const drop = (): void => {
      inbound.destroy();
      outbound.destroy();
      sockets.delete(inbound);
      sockets.delete(outbound);
    };
    inbound.on('error', drop);
    outbound.on('error', drop);
    inbound.on('close', () => setTimeout(drop, delayMs));
    outbound.on('close', () => setTimeout(drop, delayMs));
    inbound.setNoDelay(true);
    outbound.setNoDelay(true);
    const open = (): boolean => !closed;
    relay(inbound, outbound, delayMs, open);
    relay(outbound, inbound, delayMs, open);
    outbound.connect(targetPort, '127.0.0.1');
  });
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(listenPort, '127.0.0.1', () => {
      server.off('error', reject);
      resolve({
        listenPort,
        targetPort,
        close: () => new Promise<void>((done) => {
          closed = true;
          for (const s of sockets) s.destroy();
          sockets.clear();
          server.close(() => done());
        }),
      });
    });
  });
}
