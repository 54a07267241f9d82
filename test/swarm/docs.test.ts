import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { checkExecutableDoc } from '../helpers/executableDocs.ts';

describe('docs/swarm.md', () => {
  test('shows the real output of the plan, run and merge commands it lists', { timeout: 300_000 }, async () => {
    expect(await checkExecutableDoc('docs/swarm.md')).toBeGreaterThanOrEqual(9);
  });
});

describe('the batch-engine examples in docs/examples', () => {
  test('the GitHub Actions matrix has one entry per planned job and runs the documented commands', () => {
    const text = readFileSync('docs/examples/swarm-github-actions.yml', 'utf8');
    const jobs = Number(/--jobs (\d+)/.exec(text)?.[1]);
    const matrix = /job: \[([\d, ]+)\]/.exec(text)?.[1].split(',').map((s) => Number(s.trim()));
    expect(matrix).toEqual(Array.from({ length: jobs }, (_, k) => k));
    expect(text).toMatch(/splitvote -- \$PLAN/);
    expect(text).toMatch(/splitvote -- swarm run --plan swarm --job \$\{\{ matrix\.job \}\} --out results/);
    expect(text).toMatch(/splitvote -- swarm merge swarm/);
    expect(text).not.toMatch(/\t/);
  });

  test('the Kubernetes indexed Job has as many completions as the plan has jobs and takes K from JOB_COMPLETION_INDEX', () => {
    const text = readFileSync('docs/examples/swarm-kubernetes.yaml', 'utf8');
    const jobs = /- --jobs\n\s+- "(\d+)"/.exec(text)?.[1];
    expect(jobs).toBeDefined();
    expect(text).toMatch(new RegExp(`completions: ${jobs}\\n`));
    expect(text).toMatch(new RegExp(`parallelism: ${jobs}\\n`));
    expect(text).toMatch(/completionMode: Indexed/);
    expect(text).toMatch(/swarm run --plan \/swarm\/plan --job \\"\$JOB_COMPLETION_INDEX\\"/);
    expect(text).toMatch(/- --out\n\s+- \/swarm\/plan/);
    expect(text).not.toMatch(/\t/);
  });
});
