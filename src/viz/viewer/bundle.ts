import { fileURLToPath } from 'node:url';

let bundled: Promise<string> | undefined;

/**
 * The viewer's browser code (`client.ts` with graphology and sigma) bundled by esbuild into
 * one minified IIFE, built once per process at generation time; the page inlines it, so a
 * viewer works offline. Deterministic for a given source and esbuild version (no source
 * map, no legal comments, no timestamps).
 */
export function viewerBundle(): Promise<string> {
  // esbuild is imported on first use only: drawing a viewer is rare, loading the API is not.
  bundled ??= import('esbuild').then(({ build }) => build({
    // client.ts from the sources, client.js when running compiled (dist/).
    entryPoints: [fileURLToPath(new URL(import.meta.url.endsWith('.ts') ? './client.ts' : './client.js', import.meta.url))],
    bundle: true,
    write: false,
    format: 'iife',
    platform: 'browser',
    target: 'es2020',
    minify: true,
    legalComments: 'none',
    charset: 'utf8',
    logLevel: 'silent',
  })).then((result) => result.outputFiles[0].text);
  return bundled;
}
