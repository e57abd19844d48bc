// Run reports: JSON, JUnit XML and the human summary, all from the judged expectations.
export { junitXml, escapeXml } from './junit.ts';
export { summaryText } from './summary.ts';
