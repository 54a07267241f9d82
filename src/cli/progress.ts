import cliProgress from 'cli-progress';
import type { Progress } from '../explore/options.ts';
import { formatCount } from '../report/formatResult.ts';
import type { Io } from './io.ts';

/** A progress display fed by the explorer's `onProgress`; `stop()` clears it. */
export interface ProgressDisplay {
  /**
   * Feeds one progress report; `title` names what is being explored (a check, a table
   * row). Without `progress`, says only that `title` has started.
   */
  update(progress: Progress | undefined, title?: string): void;
  stop(): void;
}

const SILENT: ProgressDisplay = { update: () => {}, stop: () => {} };

/** Seconds between two progress lines when stderr is not a terminal; `SPLITVOTE_PROGRESS_SECONDS` changes it. */
export const PROGRESS_LINE_SECONDS = 5;

function lineInterval(io: Io): number {
  const given = Number(io.env.SPLITVOTE_PROGRESS_SECONDS);
  return (io.env.SPLITVOTE_PROGRESS_SECONDS !== undefined && Number.isFinite(given) && given >= 0 ? given : PROGRESS_LINE_SECONDS) * 1000;
}

/**
 * The progress of a search on stderr, when the output is for people (not `--quiet`, not
 * `--json`): a cli-progress bar on a terminal; without one (a pipe, a CI log) one line
 * every {@link PROGRESS_LINE_SECONDS} seconds (or `SPLITVOTE_PROGRESS_SECONDS`), the first
 * after that long, so short runs print none; otherwise nothing. With a known total (max states, simulation runs) the bar
 * shows it; without one it shows the counts only.
 */
export function createProgress(io: Io, enabled: boolean): ProgressDisplay {
  if (!enabled) return SILENT;
  if (io.progressStream !== undefined) return progressBar(io.progressStream);
  return io.progressLines === true ? progressLines(io) : SILENT;
}

function countsOf(progress: Progress): Record<string, string | number> {
  return {
    states: formatCount(progress.states),
    rate: formatCount(progress.statesPerSecond),
    depth: progress.depth,
    queue: formatCount(progress.queue),
    seconds: progress.seconds.toFixed(1),
  };
}

function progressLines(io: Io): ProgressDisplay {
  const started = performance.now();
  const interval = lineInterval(io);
  let last = started;
  return {
    update(progress, title = '') {
      const now = performance.now();
      if (now - last < interval) return;
      last = now;
      const elapsed = `${((now - started) / 1000).toFixed(0)} s`;
      if (progress === undefined) {
        io.err(`progress: ${title} started (${elapsed} in all)\n`);
        return;
      }
      const c = countsOf(progress);
      io.err(`progress: ${title === '' ? '' : `${title}: `}${c.states} states, depth ${c.depth}, queue ${c.queue}, ${c.rate} states/s (${elapsed} in all)\n`);
    },
    stop() {},
  };
}

function progressBar(stream: NodeJS.WritableStream): ProgressDisplay {
  let bar: cliProgress.SingleBar | undefined;
  let bounded = false;
  return {
    update(progress, title = '') {
      if (progress === undefined) return;
      const total = progress.total !== undefined && Number.isFinite(progress.total) ? progress.total : undefined;
      // A simulation's total counts walks, a search's counts states.
      const value = Math.max(0, progress.strategy === 'simulate' ? (total ?? 0) - progress.queue : progress.states);
      const payload = { title: title === '' ? '' : `${title} `, ...countsOf(progress) };
      if (bar === undefined || bounded !== (total !== undefined)) {
        bar?.stop();
        bounded = total !== undefined;
        const counts = '{states} states | {rate} states/s | depth {depth} | queue {queue} | {seconds} s';
        bar = new cliProgress.SingleBar(
          { stream, format: `{title}${bounded ? '[{bar}] {percentage}% | ' : ''}${counts}`, clearOnComplete: true, hideCursor: true, fps: 5, gracefulExit: false },
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
 * The runs done (timed simulations) on stderr, under the same conditions as
 * {@link createProgress}: a cli-progress bar on a terminal, a line every few seconds without one.
 */
export function createRunProgress(io: Io, enabled: boolean, title: string): RunProgress {
  const stream = io.progressStream;
  if (!enabled || (stream === undefined && io.progressLines !== true)) return { update: () => {}, stop: () => {} };
  const started = performance.now();
  const interval = lineInterval(io);
  let last = started;
  let bar: cliProgress.SingleBar | undefined;
  return {
    update(done, total) {
      const now = performance.now();
      const seconds = (now - started) / 1000;
      const payload = { title, rate: formatCount(seconds > 0 ? done / seconds : 0), seconds: seconds.toFixed(1) };
      if (stream === undefined) {
        if (now - last < interval) return;
        last = now;
        io.err(`progress: ${title}: ${formatCount(done)}/${formatCount(total)} runs, ${payload.rate} runs/s (${seconds.toFixed(0)} s)\n`);
        return;
      }
      if (bar === undefined) {
        bar = new cliProgress.SingleBar(
          { stream, format: '{title} [{bar}] {percentage}% | {value}/{total} runs | {rate} runs/s | {seconds} s', clearOnComplete: true, hideCursor: true, fps: 5, gracefulExit: false },
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
