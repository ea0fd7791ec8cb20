import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dir = mkdtempSync(join(tmpdir(), 'cma-cli-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function cli(...args: string[]) {
  const env = { ...process.env, AGENT_NAME: 'Maria Lopez', MARKET: 'Rancho Cucamonga, CA', COMPS_FILE: '' };
  return spawnSync(process.execPath, ['--import', 'tsx', 'scripts/cma.ts', ...args], {
    encoding: 'utf8',
    env,
  });
}

describe('npm run cma', () => {
  it('writes the PDF and prints the range and the number of comps', () => {
    const out = join(dir, 'cma.pdf');
    const run = cli(
      '--address',
      '6842 Etiwanda Ave, Rancho Cucamonga',
      '--beds',
      '4',
      '--sqft',
      '2100',
      '--today',
      '2026-11-24',
      '--out',
      out,
    );
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
    expect(readFileSync(out).subarray(0, 5).toString()).toBe('%PDF-');
    expect(run.stdout).toMatch(/Estimated value: \$[\d,]+ – \$[\d,]+, likely \$[\d,]+/);
    expect(run.stdout).toMatch(/Comparable sales used: [5-8] \(in or near Etiwanda, last 6 months\)/);
  });

  it('explains its flags', () => {
    const run = cli('--help');
    expect(run.status).toBe(0);
    expect(run.stdout).toContain('--address');
    expect(run.stdout).toContain('--sqft');
  });

  it.each([
    [['--address', '1 A St', '--bedz', '3'], /Unknown option '--bedz'/],
    [['--beds', '3'], /--address is required/],
    [['--address', '1 A St', '--sqft', 'big'], /--sqft must be a whole number/],
    [['--address', '1 A St', '--condition', 'haunted'], /--condition must be one of/],
  ])('rejects bad flags %j with exit code 2', (args, message) => {
    const run = cli(...args);
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr).toContain('--help');
  });
});
