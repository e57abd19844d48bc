// Reports: JUnit structure and escaping, the human summary's verdict lines.
import { describe, expect, it } from 'vitest';
import { junitXml, summaryText } from '../../sim/run/report/index.ts';
import type { ExpectationResult } from '../../sim/run/expectations/index.ts';

const results: ExpectationResult[] = [
  { name: 'guidance keeps 3 ready', type: 'minReady', status: 'pass', worst: '3 ready (needs 3)', at: 0, message: 'kept' },
  { name: 'quorum <cp> & "friends"', type: 'quorumHeld', status: 'fail', worst: 'quorum lost', at: 150_000, message: 'control-plane quorum lost at T+2m30s' },
];

describe('reports', () => {
  it('writes one testcase per expectation, failures with their message, XML escaped', () => {
    const xml = junitXml('falcon9', results);
    expect(xml).toContain('<testsuite name="falcon9" tests="2" failures="1">');
    expect(xml).toContain('name="quorum &lt;cp&gt; &amp; &quot;friends&quot;"');
    expect(xml).toContain('<failure type="quorumHeld" message="control-plane quorum lost at T+2m30s">worst: quorum lost</failure>');
    expect(xml.match(/<testcase /g)).toHaveLength(2);
  });

  it('marks an aborted run as an error', () => {
    const xml = junitXml('falcon9', results, { aborted: 'interrupted (SIGINT) at T+1m' });
    expect(xml).toContain('errors="1"');
    expect(xml).toContain('<error type="aborted" message="interrupted (SIGINT) at T+1m"/>');
  });

  it('summarises with a verdict and the failures spelled out', () => {
    const text = summaryText('falcon9 (seed 1)', results);
    expect(text).toMatch(/^PASS\s+guidance keeps 3 ready\s+3 ready \(needs 3\)\s+T\+0s$/m);
    expect(text).toMatch(/^FAIL\s+quorum <cp> & "friends"\s+quorum lost\s+T\+2m30s$/m);
    expect(text).toContain('1 of 2 expectations FAILED');
    expect(text).toContain('  - quorum <cp> & "friends": control-plane quorum lost at T+2m30s');
  });
});
