// The deletion conditions the namespace controller posts on a terminating namespace (pure).
// upstream: pkg/controller/namespace/deletion/status_condition_utils.go (namespaceConditionUpdater).

export interface NamespaceCondition {
  type: string;
  status: 'True' | 'False';
  reason: string;
  message: string;
  lastTransitionTime?: string;
}

export interface ContentTotals {
  /** "pods" / "deployments.apps" → instances left. */
  remaining: ReadonlyMap<string, number>;
  /** finalizer → instances still carrying it. */
  finalizers: ReadonlyMap<string, number>;
  /** "Failed to delete all resource types, N remaining: …" style errors. */
  deleteErrors: readonly string[];
}

const sorted = <T>(m: ReadonlyMap<string, T>) => [...m.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

/** upstream: the five condition types, each False with its "all good" reason unless something is left. */
export function namespaceDeletionConditions(t: ContentTotals): NamespaceCondition[] {
  const remaining = sorted(t.remaining).filter(([, n]) => n > 0);
  const finalizers = sorted(t.finalizers).filter(([, n]) => n > 0);
  return [
    { type: 'NamespaceDeletionDiscoveryFailure', status: 'False', reason: 'ResourcesDiscovered', message: 'All resources successfully discovered' },
    { type: 'NamespaceDeletionGroupVersionParsingFailure', status: 'False', reason: 'ParsedGroupVersions', message: 'All legacy kube types successfully parsed' },
    t.deleteErrors.length
      ? { type: 'NamespaceDeletionContentFailure', status: 'True', reason: 'ContentDeletionFailed', message: `Failed to delete all resource types, ${t.deleteErrors.length} remaining: ${t.deleteErrors.join(', ')}` }
      : { type: 'NamespaceDeletionContentFailure', status: 'False', reason: 'ContentDeleted', message: 'All content successfully deleted, may be waiting on finalization' },
    remaining.length
      ? { type: 'NamespaceContentRemaining', status: 'True', reason: 'SomeResourcesRemain', message: `Some resources are remaining: ${remaining.map(([r, n]) => `${r} has ${n} resource instances`).join(', ')}` }
      : { type: 'NamespaceContentRemaining', status: 'False', reason: 'ContentRemoved', message: 'All content successfully removed' },
    finalizers.length
      ? { type: 'NamespaceFinalizersRemaining', status: 'True', reason: 'SomeFinalizersRemain', message: `Some content in the namespace has finalizers remaining: ${finalizers.map(([f, n]) => `${f} in ${n} resource instances`).join(', ')}` }
      : { type: 'NamespaceFinalizersRemaining', status: 'False', reason: 'ContentHasNoFinalizers', message: 'All content-preserving finalizers finished' },
  ];
}

/** Keeps lastTransitionTime where a condition's status did not change. Returns undefined when nothing changed. */
export function mergeNamespaceConditions(old: readonly NamespaceCondition[], next: readonly NamespaceCondition[], now: string): NamespaceCondition[] | undefined {
  let changed = old.length !== next.length;
  const out = next.map((c) => {
    const o = old.find((x) => x.type === c.type);
    if (!o || o.status !== c.status || o.reason !== c.reason || o.message !== c.message) changed = true;
    return { ...c, lastTransitionTime: o && o.status === c.status ? (o.lastTransitionTime ?? now) : now };
  });
  return changed ? out : undefined;
}
