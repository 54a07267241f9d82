import type { Viz } from '@viz-js/viz';

// Loaded on first use: the WebAssembly build is 1.2 MB, and importing the public API (every
// model does) should not pay for it.
let viz: Promise<Viz> | undefined;

/**
 * Renders Graphviz DOT to SVG in Node with Graphviz compiled to WebAssembly (@viz-js/viz):
 * no browser, no native Graphviz. The WebAssembly instance is created once per process.
 * Deterministic for a given DOT text and @viz-js/viz version. Throws when Graphviz reports
 * an error (a bug in the DOT we generate, not an input error).
 */
export async function dotToSvg(dot: string): Promise<string> {
  viz ??= import('@viz-js/viz').then((m) => m.instance());
  const result = (await viz).render(dot, { format: 'svg' });
  const errors = result.errors.filter((e) => e.level === 'error');
  if (result.status !== 'success' || errors.length > 0) {
    throw new Error(`Graphviz could not render the drawing: ${result.errors.map((e) => e.message).join('; ')}`);
  }
  return result.output;
}
