import cliProgress from 'cli-progress';
import type { Progress } from '../explore/options.ts';
import { formatCount } from '../report/formatResult.ts';
import type { Io } from './io.ts';

/** A progress display fed by the explorer's `onProgress`; `stop()` clears it. */
export interface ProgressDisplay {
  /** Feeds one progress report; `title` names what is being explored (a check, a table row). */
  update(progress: Progress, title?: string): void;
  stop(): void;
}

const SILENT: ProgressDisplay = { update: () => {}, stop: () => {} };

/**
 * A cli-progress bar on stderr when stderr is a terminal and the output is for people
 * (not `--quiet`, not `--json`); otherwise a display that does nothing, so piped output and
 * CI logs stay clean. With a known total (max states, simulation runs) it draws a bar;
 * without one it shows the counts only.
 */
export function createProgress(io: Io, enabled: boolean): ProgressDisplay {
  const stream = io.progressStream;
  if (!enabled || stream === undefined) return SILENT;
  let bar: cliProgress.SingleBar | undefined;
  let bounded = false;
  return {
    update(progress, title = '') {
      const total = progress.total !== undefined && Number.isFinite(progress.total) ? progress.total : undefined;
      // A simulation's total counts walks, a search's counts states.
      const value = Math.max(0, progress.strategy === 'simulate' ? (total ?? 0) - progress.queue : progress.states);
      const payload = {
        title: title === '' ? '' : `${title} `,
        states: formatCount(progress.states),
        rate: formatCount(progress.statesPerSecond),
        depth: progress.depth,
        queue: formatCount(progress.queue),
        seconds: progress.seconds.toFixed(1),
      };
      if (bar === undefined || bounded !== (total !== undefined)) {
        bar?.stop();
        bounded = total !== undefined;
        const counts = '{states} states | {rate} states/s | depth {depth} | queue {queue} | {seconds} s';
        bar = new cliProgress.SingleBar(
          { stream, format: `{title}${bounded ? '[{bar}] {percentage}% | ' : ''}${counts}`, clearOnComplete: true, hideCursor: true, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        // The payload goes in at start too: the first frame is drawn before any update.
        bar.start(total ?? 0, value, payload);
        return;
      }
      if (total !== undefined) bar.setTotal(total);
      bar.update(value, payload);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}

/** A progress display for a batch of runs: `update(done, total)`; `stop()` clears it. */
export interface RunProgress {
  update(done: number, total: number): void;
  stop(): void;
}

/**
 * A cli-progress bar of runs done (timed simulations) on stderr, under the same conditions
 * as {@link createProgress}: a terminal, and output for people. Otherwise it does nothing.
 */
export function createRunProgress(io: Io, enabled: boolean, title: string): RunProgress {
  const stream = io.progressStream;
  if (!enabled || stream === undefined) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      const seconds = (performance.now() - started) / 1000;
      const payload = { title, rate: formatCount(seconds > 0 ? done / seconds : 0), seconds: seconds.toFixed(1) };
      if (bar === undefined) {
        bar = new cliProgress.SingleBar(
          { stream, format: '{title} [{bar}] {percentage}% | {value}/{total} runs | {rate} runs/s | {seconds} s', clearOnComplete: true, hideCursor: true, fps: 5 },
          cliProgress.Presets.shades_classic,
        );
        bar.start(total, done, payload);
        return;
      }
      bar.update(done, payload);
    },
    stop() {
      bar?.stop();
      bar = undefined;
    },
  };
}
