// NodeAffinity: nodeSelector and required node affinity filter nodes; preferred terms add their weights to
// the score. upstream: pkg/scheduler/framework/plugins/nodeaffinity/node_affinity.go and
// k8s.io/component-helpers/scheduling/corev1/nodeaffinity/nodeaffinity.go
import type { NodeSelectorRequirement, NodeSelectorTerm, PodInfo } from '../pod-info.ts';
import { reject, type NodeView, type Rejection } from './types.ts';

export const ERR_REASON_NODE_AFFINITY = "node(s) didn't match Pod's node affinity/selector";

const INT64 = /^[+-]?[0-9]+$/;

/** upstream: nodeSelectorRequirementsAsSelector — Gt/Lt compare integers; a malformed term matches nothing. */
function requirementMatches(r: NodeSelectorRequirement, labels: Readonly<Record<string, string>>): boolean {
  const has = Object.prototype.hasOwnProperty.call(labels, r.key);
  const value = has ? labels[r.key]! : '';
  const values = r.values ?? [];
  switch (r.operator) {
    case 'In':
      return has && values.includes(value);
    case 'NotIn':
      return !has || !values.includes(value);
    case 'Exists':
      return has;
    case 'DoesNotExist':
      return !has;
    case 'Gt':
    case 'Lt': {
      if (!has || values.length !== 1 || !INT64.test(values[0]!) || !INT64.test(value)) return false;
      const a = BigInt(value);
      const b = BigInt(values[0]!);
      return r.operator === 'Gt' ? a > b : a < b;
    }
    default:
      return false;
  }
}

/** matchFields supports metadata.name only, as upstream. */
function fieldMatches(r: NodeSelectorRequirement, nodeName: string): boolean {
  if (r.key !== 'metadata.name') return false;
  const values = r.values ?? [];
  if (r.operator === 'In') return values.includes(nodeName);
  if (r.operator === 'NotIn') return !values.includes(nodeName);
  return false;
}

/** A term ANDs its requirements; an empty term matches nothing. */
export function termMatchesNode(term: NodeSelectorTerm, labels: Readonly<Record<string, string>>, nodeName: string): boolean {
  const exprs = term.matchExpressions ?? [];
  const fields = term.matchFields ?? [];
  if (exprs.length === 0 && fields.length === 0) return false;
  for (const r of exprs) if (!requirementMatches(r, labels)) return false;
  for (const r of fields) if (!fieldMatches(r, nodeName)) return false;
  return true;
}

/** nodeSelector (every pair) AND required node affinity (any term). upstream: RequiredNodeAffinity.Match */
export function podMatchesNodeSelectorAndAffinity(pod: PodInfo, labels: Readonly<Record<string, string>>, nodeName: string): boolean {
  if (pod.nodeSelector) {
    for (const k in pod.nodeSelector) if (labels[k] !== pod.nodeSelector[k]) return false;
  }
  const terms = pod.requiredNodeTerms;
  if (terms === undefined) return true;
  for (const t of terms) if (termMatchesNode(t, labels, nodeName)) return true;
  return false;
}

export function filterNodeAffinity(pod: PodInfo, view: NodeView): Rejection | undefined {
  if (!pod.nodeSelector && pod.requiredNodeTerms === undefined) return undefined;
  if (podMatchesNodeSelectorAndAffinity(pod, view.info.labels, view.info.name)) return undefined;
  return reject('NodeAffinity', 'UnschedulableAndUnresolvable', ERR_REASON_NODE_AFFINITY);
}

/** Raw score: the summed weights of matching preferred terms (empty terms are no-ops). */
export function nodeAffinityScore(pod: PodInfo, view: NodeView): number {
  let s = 0;
  for (const p of pod.preferredNodeTerms) if (termMatchesNode(p.preference, view.info.labels, view.info.name)) s += p.weight;
  return s;
}
