/**
 * A minimal RESP2 client for the harness: one TCP connection to 127.0.0.1, one command at a
 * time, every command bounded by a timeout. It knows only what the harness sends (CLUSTER,
 * ROLE, INFO, CONFIG) and the five RESP2 reply types.
 */
import { Socket } from 'node:net';

/** A decoded RESP2 reply. Errors are thrown, never returned. */
export type RespValue = string | number | null | RespValue[];

interface Parsed { readonly value: RespValue; readonly end: number; readonly error?: string }

/** Parses one reply from `buf` at `at`; undefined when the reply is not complete yet. */
export function parseReply(buf: Buffer, at = 0): Parsed | undefined {
  const lineEnd = buf.indexOf('\r\n', at);
  if (lineEnd < 0) return undefined;
  const type = String.fromCharCode(buf[at]);
  const line = buf.toString('utf8', at + 1, lineEnd);
  const next = lineEnd + 2;
  switch (type) {
    case '+': return { value: line, end: next };
    case '-': return { value: null, end: next, error: line };
    case ':': return { value: Number(line), end: next };
    case '$': {
      const len = Number(line);
      if (len < 0) return { value: null, end: next };
      if (buf.length < next + len + 2) return undefined;
      return { value: buf.toString('utf8', next, next + len), end: next + len + 2 };
    }
    case '*': {
      const count = Number(line);
      if (count < 0) return { value: null, end: next };
      const items: RespValue[] = [];
      let pos = next;
      for (let i = 0; i < count; i++) {
        const item = parseReply(buf, pos);
        if (item === undefined) return undefined;
        items.push(item.error === undefined ? item.value : `ERR ${item.error}`);
        pos = item.end;
      }
      return { value: items, end: pos };
    }
    default: throw new Error(`unexpected RESP reply type ${JSON.stringify(type)}`);
  }
}

function encode(args: readonly (string | number)[]): Buffer {
  const parts = [`*${args.length}\r\n`];
  for (const arg of args) {
    const s = String(arg);
    parts.push(`$${Buffer.byteLength(s)}\r\n${s}\r\n`);
  }
  return Buffer.from(parts.join(''));
}

/** Sends one command to 127.0.0.1:`port` on a fresh connection and resolves its reply; rejects on an error reply, a closed connection or after `timeoutMs`. */
export function command(port: number, args: readonly (string | number)[], timeoutMs = 2000): Promise<RespValue> {
  return new Promise((resolve, reject) => {
    const socket = new Socket();
    let buf = Buffer.alloc(0);
    let done = false;
    const finish = (err: Error | undefined, value?: RespValue): void => {
      if (done) return;
      done = true;
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err); else resolve(value ?? null);
    };
    const timer = setTimeout(() => finish(new Error(`127.0.0.1:${port} ${args[0]}: no reply within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (e) => finish(new Error(`127.0.0.1:${port} ${args[0]}: ${e.message}`)));
    socket.on('close', () => finish(new Error(`127.0.0.1:${port} ${args[0]}: connection closed`)));
    socket.on('data', (chunk) => {
      buf = Buffer.concat([buf, chunk]);
      try {
        const reply = parseReply(buf);
        if (reply === undefined) return;
        if (reply.error !== undefined) finish(new Error(`127.0.0.1:${port} ${args.join(' ')}: ${reply.error}`));
        else finish(undefined, reply.value);
      } catch (e) {
        finish(e as Error);
      }
    });
    socket.connect(port, '127.0.0.1', () => socket.write(encode(args)));
  });
}

/** Like {@link command} but expects a string reply (bulk or simple). */
export async function commandText(port: number, args: readonly (string | number)[], timeoutMs = 2000): Promise<string> {
  const value = await command(port, args, timeoutMs);
  if (typeof value !== 'string') throw new Error(`127.0.0.1:${port} ${args[0]}: expected a text reply, got ${JSON.stringify(value)}`);
  return value;
}
