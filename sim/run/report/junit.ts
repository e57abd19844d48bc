// JUnit XML for CI: one testsuite per run, one testcase per expectation (the format Jenkins, GitLab and
// GitHub reporters read: testsuite/testcase/failure).
import type { ExpectationResult } from '../expectations/index.ts';

export function escapeXml(s: string): string {
  return s.replace(/[<>&"']/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', '"': '&quot;', "'": '&apos;' })[c]!);
}

export function junitXml(suite: string, results: readonly ExpectationResult[], opts: { aborted?: string } = {}): string {
  const failures = results.filter((r) => r.status === 'fail').length;
  const lines = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="kis" tests="${results.length}" failures="${failures}"${opts.aborted ? ' errors="1"' : ''}>`,
    `  <testsuite name="${escapeXml(suite)}" tests="${results.length}" failures="${failures}"${opts.aborted ? ' errors="1"' : ''}>`,
  ];
  for (const r of results) {
    lines.push(`    <testcase classname="${escapeXml(suite)}.${r.type}" name="${escapeXml(r.name)}">`);
    if (r.status === 'fail') lines.push(`      <failure type="${r.type}" message="${escapeXml(r.message)}">${escapeXml(`worst: ${r.worst}`)}</failure>`);
    else lines.push(`      <system-out>${escapeXml(r.message)}</system-out>`);
    lines.push('    </testcase>');
  }
  if (opts.aborted) {
    lines.push(`    <testcase classname="${escapeXml(suite)}.run" name="run completed">`);
    lines.push(`      <error type="aborted" message="${escapeXml(opts.aborted)}"/>`);
    lines.push('    </testcase>');
  }
  lines.push('  </testsuite>', '</testsuites>', '');
  return lines.join('\n');
}
