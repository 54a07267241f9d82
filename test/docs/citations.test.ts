import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, test } from 'vitest';

/**
 * Every `§` citation in the repository must name a section of the repository's own protocol
 * reference (docs/protocol/*.md), and a `step K` or `branch X` after it must exist in that
 * section. No file may point at a protocol reference outside the repository.
 */

const SECTION_SIGN = '\u00a7';
const REFERENCE_DIR = 'docs/protocol';
const SCANNED = ['models', 'checks', 'src', 'test', 'docs', 'README.md'];
const TEXT_FILES = /\.(ts|js|mjs|md|mmd)$/;
const SKIPPED_DIRS = new Set(['node_modules', 'pictures']);

/** What one reference section offers to a citation. */
interface Section {
  readonly file: string;
  readonly steps: ReadonlySet<string>;
  readonly branches: ReadonlySet<string>;
}

/** One citation found in a file. */
interface Citation {
  readonly file: string;
  readonly line: number;
  readonly text: string;
  readonly section: string;
  readonly kind: 'step' | 'branch' | undefined;
  readonly items: readonly string[];
}

const HEADING = new RegExp(`^(#{2,4}) ${SECTION_SIGN}(\\d+(?:\\.\\d+)*)\\b`);

/** Parses the sections of reference files: headings `## §N`, numbered steps, table rows. */
function parseSections(files: ReadonlyMap<string, string>): Map<string, Section> {
  const sections = new Map<string, Section>();
  for (const [file, text] of files) {
    const lines = text.split('\n');
    const heads = lines.flatMap((line, index) => {
      const m = HEADING.exec(line);
      return m === null ? [] : [{ index, level: m[1].length, id: m[2] }];
    });
    heads.forEach((head, k) => {
      const end = heads.slice(k + 1).find((next) => next.level <= head.level)?.index ?? lines.length;
      const body = lines.slice(head.index + 1, end);
      const steps = new Set(body.flatMap((line) => /^(\d+)\. /.exec(line)?.[1] ?? []));
      const branches = new Set(body.flatMap((line) => /^\| *(\d+[a-z]?) *\|/.exec(line)?.[1] ?? []));
      if (sections.has(head.id)) throw new Error(`${SECTION_SIGN}${head.id} is defined twice (${sections.get(head.id)!.file} and ${file})`);
      sections.set(head.id, { file, steps, branches });
    });
  }
  return sections;
}

const CITATION = new RegExp(
  `${SECTION_SIGN} ?(\\d+(?:\\.\\d+)*)(?:\\s+(steps?|branch(?:es)?)\\s+(\\d+[a-z]?(?:\\s*(?:[-\\u2013,]|and)\\s*\\d+[a-z]?)*))?`,
  'g',
);

/** Expands "4-8", "4–6", "7, 9" and "5a" into the items they name. */
function items(list: string): string[] {
  return list.split(/\s*(?:,|and)\s*/).flatMap((part) => {
    const range = /^(\d+)\s*[-\u2013]\s*(\d+)$/.exec(part.trim());
    if (range === null) return [part.trim()];
    const [from, to] = [Number(range[1]), Number(range[2])];
    return Array.from({ length: Math.max(0, to - from + 1) }, (_, i) => String(from + i));
  });
}

/** Finds every citation in a text. */
function findCitations(file: string, text: string): Citation[] {
  return [...text.matchAll(CITATION)].map((m) => ({
    file,
    line: text.slice(0, m.index).split('\n').length,
    text: m[0],
    section: m[1],
    kind: m[2] === undefined ? undefined : m[2].startsWith('step') ? 'step' : 'branch',
    items: m[3] === undefined ? [] : items(m[3]),
  }));
}

/** Why a citation is wrong, or undefined when it names something that exists. */
function problem(citation: Citation, sections: ReadonlyMap<string, Section>): string | undefined {
  const section = sections.get(citation.section);
  if (section === undefined) return `no section ${SECTION_SIGN}${citation.section} in ${REFERENCE_DIR}/`;
  if (citation.kind === undefined) return undefined;
  const offered = citation.kind === 'step' ? section.steps : section.branches;
  const missing = citation.items.filter((item) => !offered.has(item));
  return missing.length === 0 ? undefined : `${SECTION_SIGN}${citation.section} has no ${citation.kind} ${missing.join(', ')}`;
}

function walk(path: string): string[] {
  if (statSync(path).isFile()) return TEXT_FILES.test(path) ? [path] : [];
  return readdirSync(path)
    .filter((name) => !SKIPPED_DIRS.has(name))
    .sort()
    .flatMap((name) => walk(join(path, name)));
}

function referenceFiles(): Map<string, string> {
  return new Map(walk(REFERENCE_DIR).map((file) => [relative('.', file), readFileSync(file, 'utf8')]));
}

function scannedFiles(): string[] {
  return SCANNED.flatMap((path) => walk(path));
}

describe('protocol reference citations', () => {
  const sections = parseSections(referenceFiles());

  test('the reference keeps the numbering the code cites (§0 to §14, with the cited sub-sections)', () => {
    const ids = [...sections.keys()];
    for (const id of ['0', '1.2', '1.3', '2.1', '2.4', '2.5', '3', '4.3', '4.4', '5.1', '6', '8.3', '8.8', '9', '10', '11', '12', '13', '14']) {
      expect(ids, `${SECTION_SIGN}${id}`).toContain(id);
    }
    expect([...sections.get('2.4')!.steps].sort()).toEqual(['1', '2', '3', '4', '5', '6', '7', '8', '9']);
    expect([...sections.get('3')!.branches].sort()).toEqual(['1', '2', '3', '4', '5a', '5b', '5c', '6', '7']);
  });

  test('every § citation in models/, checks/, src/, test/, docs/ and README.md names an existing section, step or branch', () => {
    const citations = scannedFiles().flatMap((file) => findCitations(file, readFileSync(file, 'utf8')));
    const wrong = citations.flatMap((c) => {
      const why = problem(c, sections);
      return why === undefined ? [] : [`${c.file}:${c.line}: "${c.text}": ${why}`];
    });
    expect(wrong).toEqual([]);
    // The scan sees the model's citations: an empty scan would pass vacuously.
    expect(citations.filter((c) => c.file.startsWith('models/')).length).toBeGreaterThan(100);
    expect(citations.some((c) => c.kind === 'branch')).toBe(true);
  });

  test('no file points at a protocol reference outside the repository', () => {
    const outside = ['shared/' + 'reference', 'valkey-failover-' + 'protocol.md', '/work/' + 'shared'];
    const hits = scannedFiles().flatMap((file) => {
      const text = readFileSync(file, 'utf8');
      return outside.filter((needle) => text.includes(needle)).map((needle) => `${file}: ${needle}`);
    });
    expect(hits).toEqual([]);
  });

  test('a citation of a missing section, step or branch is reported', () => {
    const planted = [`${SECTION_SIGN}99`, `${SECTION_SIGN}2.4 step 12`, `${SECTION_SIGN}3 branch 5d`, `${SECTION_SIGN}2.4 steps 8-10`].join('; ');
    const reports = findCitations('planted.ts', planted).map((c) => problem(c, sections));
    expect(reports).toEqual([
      `no section ${SECTION_SIGN}99 in docs/protocol/`,
      `${SECTION_SIGN}2.4 has no step 12`,
      `${SECTION_SIGN}3 has no branch 5d`,
      `${SECTION_SIGN}2.4 has no step 10`,
    ]);
    const fine = findCitations('fine.ts', `${SECTION_SIGN}2.4 steps 4–6, ${SECTION_SIGN}3 branch 7, and ${SECTION_SIGN}8.3`);
    expect(fine.map((c) => problem(c, sections))).toEqual([undefined, undefined, undefined]);
  });

  test('a section defined twice is an error', () => {
    const twice = new Map([['a.md', `## ${SECTION_SIGN}1 One\n`], ['b.md', `### ${SECTION_SIGN}1 Again\n`]]);
    expect(() => parseSections(twice)).toThrow(/defined twice/);
  });
});
