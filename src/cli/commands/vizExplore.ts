import type { AnyModel } from '../../core/model.ts';
import { explore, type Exploration } from '../../explore/explore.ts';
import type { ExploreOptions } from '../../explore/options.ts';
import { formatCount } from '../../report/formatResult.ts';
import type { ModelRequest } from '../../suite/types.ts';
import { constantsText, exploreOptionsOf, type SearchFlags } from '../flags.ts';
import type { Io } from '../io.ts';
import { createProgress } from '../progress.ts';

/** Explores a model for a drawing, with the progress bar of `check` on a terminal. */
export function exploreForDrawing(model: AnyModel, flags: SearchFlags, extra: ExploreOptions, io: Io): Exploration<unknown, unknown> {
  const progress = createProgress(io, true);
  try {
    return explore(model, { ...exploreOptionsOf(flags), ...extra, ...(io.signal === undefined ? {} : { signal: io.signal }), onProgress: (p) => progress.update(p) });
  } finally {
    progress.stop();
  }
}

/** `two-phase-commit --preset rm3 --variant a,b`: which configuration a drawing shows. */
export function requestText(name: string, request: ModelRequest): string {
  const constants = constantsText(request.constants);
  return `${name} --preset ${request.preset}${request.variants.length === 0 ? '' : ` --variant ${request.variants.join(',')}`}${constants === '' ? '' : ` ${constants}`}`;
}

/** `575 states, 1,935 transitions, complete` (or `stopped: max-states`). */
export function explorationText(result: Exploration<unknown, unknown>): string {
  return `${formatCount(result.stats.states)} states, ${formatCount(result.stats.transitions)} transitions, ${result.complete ? 'complete' : `stopped: ${result.stopReason}`}`;
}
