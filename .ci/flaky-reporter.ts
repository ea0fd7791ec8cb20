import type { Reporter, TestCase } from 'vitest/node';

// CI runs each failing test once more (`--retry=1`). A test that passes only on its second try is
// a bug to fix, not a pass to forget: this reporter names each one, in the log and in
// .ci/flaky-<mode>.txt, and the run's last lines repeat them.
const out = process.env.CI_FLAKY_FILE;

export default class FlakyReporter implements Reporter {
  private readonly flaky: string[] = [];

  onTestCaseResult(test: TestCase): void {
    const d = test.diagnostic();
    if (!d?.flaky) return;
    const file = test.module.moduleId.replace(`${process.cwd()}/`, '');
    this.flaky.push(`FLAKY (passed on retry ${d.retryCount}) ${file} > ${test.fullName}`);
  }

  async onTestRunEnd(): Promise<void> {
    if (!out) return;
    const { writeFileSync } = await import('node:fs');
    writeFileSync(out, this.flaky.map((l) => `${l}\n`).join(''));
  }
}
