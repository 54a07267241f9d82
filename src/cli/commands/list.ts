import type { Property } from '../../core/property.ts';
import { resolveRequest } from '../../suite/catalog.ts';
import { loadCatalog } from '../../suite/load.ts';
import type { ModelEntry } from '../../suite/types.ts';
import { wrapWords } from '../../report/wrap.ts';
import { catalogPath, outputWidth, type Io } from '../io.ts';

/** The flags of `splitvote list`. */
export interface ListFlags {
  json?: boolean;
  catalog?: string;
}

/**
 * `splitvote list`: every model of the catalog with its presets (the default first),
 * variants, constants (`--set`) and properties, one line each (broken to the output width). Properties come from the model built with its
 * default preset and variants; a model that fails to build shows why instead. Exit code 0.
 */
export async function listCommand(flags: ListFlags, io: Io): Promise<number> {
  const catalog = await loadCatalog(catalogPath(flags.catalog, io));
  const models = catalog.entries.map((entry) => ({ entry, properties: propertiesOf(entry) }));
  if (flags.json === true) {
    const document = models.map(({ entry, properties }) => ({
      name: entry.name,
      description: entry.description,
      presets: entry.presets.map((p) => ({ name: p.name, description: p.description })),
      variants: entry.variants.map((v) => ({ name: v.name, description: v.description })),
      defaultVariants: [...entry.defaultVariants],
      constants: (entry.constants ?? []).map((c) => ({ name: c.name, description: c.description, min: c.min, max: c.max })),
      properties: Array.isArray(properties) ? properties.map((p) => ({ name: p.name, kind: p.kind, description: p.description ?? null })) : [],
    }));
    io.out(`${JSON.stringify({ schema: 1, models: document }, null, 2)}\n`);
    return 0;
  }
  const width = outputWidth(io);
  const blocks = models.map(({ entry, properties }) => {
    const lines = [`${entry.name} — ${entry.description}`];
    const constants = entry.constants ?? [];
    const names = [...entry.presets, ...entry.variants, ...constants].map((x) => x.name.length);
    const nameWidth = Math.max(...names, 0);
    const line = (label: string, name: string, text: string) => lines.push(...wrapWords(`  ${label.padEnd(8)}  ${name.padEnd(nameWidth)}  ${text}`, width, ' '.repeat(nameWidth + 14)));
    entry.presets.forEach((p, i) => line('preset', p.name, `${p.description}${i === 0 ? ' (default)' : ''}`));
    for (const v of entry.variants) line('variant', v.name, `${v.description}${entry.defaultVariants.includes(v.name) && !v.description.includes('(default)') ? ' (default)' : ''}`);
    for (const c of constants) line('constant', c.name, `${c.min}..${c.max}: ${c.description}`);
    if (typeof properties === 'string') lines.push(`  (properties unavailable: ${properties})`);
    else for (const p of properties) lines.push(...wrapWords(`  property  ${p.kind.padEnd(11)}  ${p.name}${p.description === undefined ? '' : ` — ${p.description}`}`, width, ' '.repeat(25)));
    return lines.join('\n');
  });
  io.out(`${blocks.length === 0 ? `No models in ${catalog.source}.` : blocks.join('\n\n')}\n`);
  return 0;
}

// The message of the error instead of the list, so one broken model does not hide the others.
function propertiesOf(entry: ModelEntry): readonly Property<unknown>[] | string {
  try {
    return entry.create(resolveRequest(entry)).properties;
  } catch (error) {
    return (error as Error).message;
  }
}
