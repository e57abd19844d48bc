// The human summary printed at the end of a run: expectation, result, worst value, when.
import { formatMissionTime } from '../../profile/index.ts';
import type { ExpectationResult } from '../expectations/index.ts';

export function summaryText(title: string, results: readonly ExpectationResult[], opts: { aborted?: string } = {}): string {
  const rows = results.map((r) => [r.status === 'pass' ? 'PASS' : 'FAIL', r.name, r.worst, r.at === undefined ? '' : formatMissionTime(r.at)]);
  const header = ['RESULT', 'EXPECTATION', 'WORST', 'WHEN'];
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((row) => row[i]!.length)));
  const fmt = (row: string[]) => row.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd();
  const failed = results.filter((r) => r.status === 'fail');
  const verdict = opts.aborted
    ? `ABORTED: ${opts.aborted}`
    : failed.length
      ? `${failed.length} of ${results.length} expectations FAILED`
      : `all ${results.length} expectations met`;
  const out = [title, '', fmt(header), ...rows.map(fmt), '', verdict];
  for (const f of failed) out.push(`  - ${f.name}: ${f.message}`);
  return out.join('\n');
}
