// Expectations: the judge of a run, reading only the journal.
export { evaluateExpectations, evaluateOne, buildHistory, type ExpectationResult, type ClusterHistory } from './evaluate.ts';
export type { PodSummary, NodeSummary } from './records.ts';
