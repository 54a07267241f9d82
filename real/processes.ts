/**
 * The redis-server processes of the harness. Each runs in its own process group (spawned
 * detached) so a kill reaches any child it forked (replication snapshots); every started
 * process is in one registry, and `killAll()` — also called on exit, SIGINT and SIGTERM —
 * resumes and SIGKILLs every group, synchronously. Nothing here runs in the model core.
 */
import { spawn, type ChildProcess } from 'node:child_process';

/** The redis-server binary the harness runs (Debian package `redis-server`). */
export const REDIS_SERVER = process.env.SPLITVOTE_REDIS_SERVER ?? '/usr/bin/redis-server';

const running = new Map<number, ChildProcess>();
const started: number[] = [];
let exitHook = false;

/** True while a process with this pid exists (signal 0; EPERM still means it exists). */
export function processExists(pid: number): boolean {
  try { process.kill(pid, 0); return true; } catch (e) { return (e as NodeJS.ErrnoException).code === 'EPERM'; }
}

function signalGroup(pid: number, signal: NodeJS.Signals): void {
  try { process.kill(-pid, signal); } catch { /* group already gone */ }
  try { process.kill(pid, signal); } catch { /* already gone */ }
}

/** Starts `redis-server <configFile>` in its own process group, with TZ=UTC so its log times are UTC. */
export function startServer(configFile: string): ChildProcess {
  if (!exitHook) { exitHook = true; process.on('exit', killAll); }
  const child = spawn(REDIS_SERVER, [configFile], { detached: true, stdio: 'ignore', env: { ...process.env, TZ: 'UTC' } });
  if (child.pid === undefined) throw new Error(`could not start ${REDIS_SERVER}`);
  const pid = child.pid;
  running.set(pid, child);
  started.push(pid);
  child.once('exit', () => running.delete(pid));
  return child;
}

/** Sends SIGSTOP to every pid in one synchronous loop (the freeze); returns Date.now() taken just before. */
export function freeze(pids: readonly number[]): number {
  const at = Date.now();
  for (const pid of pids) process.kill(pid, 'SIGSTOP');
  return at;
}

/**
 * Kills every started process group at once, synchronously. SIGKILL comes first (it ends a
 * stopped process too), so a frozen primary never runs again to write lines after the run;
 * SIGCONT follows for anything that survived.
 */
export function killAll(): void {
  for (const pid of running.keys()) signalGroup(pid, 'SIGKILL');
  for (const pid of running.keys()) signalGroup(pid, 'SIGCONT');
}

/** Kills every started process and waits (at most `timeoutMs`) until none of them exists. */
export async function killAllAndWait(timeoutMs = 10_000): Promise<void> {
  const pids = [...running.keys()];
  killAll();
  const deadline = Date.now() + timeoutMs;
  while (pids.some(processExists) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
  const left = pids.filter(processExists);
  if (left.length > 0) throw new Error(`redis-server processes still exist after SIGKILL: ${left.join(', ')}`);
}

/** The pids of every process started in this process's lifetime (for tests: none may still exist). */
export function startedPids(): number[] {
  return [...started];
}

/** The pids of the processes started and not yet seen to exit. */
export function runningPids(): number[] {
  return [...running.keys()];
}

let installed = false;
/** Installs the exit, SIGINT and SIGTERM handlers that kill every started process (once per process). */
export function installCleanupHandlers(onSignal?: (signal: NodeJS.Signals) => void): void {
  if (installed) return;
  installed = true;
  for (const signal of ['SIGINT', 'SIGTERM', 'SIGHUP'] as const) {
    process.on(signal, () => {
      killAll();
      onSignal?.(signal);
      process.exit(signal === 'SIGINT' ? 130 : 143);
    });
  }
}
