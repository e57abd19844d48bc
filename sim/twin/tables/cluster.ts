// `kubectl get poddisruptionbudgets|priorityclasses|leases`.
// upstream: pkg/printers/internalversion/printers.go printPodDisruptionBudget,
// printPriorityClass, printLease and their column definitions.

import { AGE_COLUMN, NAME_COLUMN, ageOf, column, nameOf } from './columns.ts';
import { bool, int, isSet, rec, str } from './json.ts';
import type { ResourcePrinter } from './types.ts';

/** upstream: k8s.io/apimachinery/pkg/util/intstr IntOrString.String */
function intOrString(v: unknown): string {
  if (typeof v === 'number' && Number.isFinite(v)) return String(Math.trunc(v));
  return str(v);
}

export const podDisruptionBudgetPrinter: ResourcePrinter = {
  apiVersion: 'policy/v1',
  kind: 'PodDisruptionBudget',
  columns: [
    NAME_COLUMN,
    column('Min Available', 'string', 'The minimum number of pods that must be available.'),
    column('Max Unavailable', 'string', 'The maximum number of pods that may be unavailable.'),
    column('Allowed Disruptions', 'integer', 'Calculated number of pods that may be disrupted at this time.'),
    AGE_COLUMN,
  ],
  print(obj, now) {
    const spec = rec(obj.spec);
    return {
      cells: [
        nameOf(obj),
        isSet(spec.minAvailable) ? intOrString(spec.minAvailable) : 'N/A',
        isSet(spec.maxUnavailable) ? intOrString(spec.maxUnavailable) : 'N/A',
        int(rec(obj.status).disruptionsAllowed),
        ageOf(obj, now),
      ],
    };
  },
};

export const priorityClassPrinter: ResourcePrinter = {
  apiVersion: 'scheduling.k8s.io/v1',
  kind: 'PriorityClass',
  columns: [
    NAME_COLUMN,
    column('Value', 'integer', 'value represents the integer value of this priority class. This is the actual priority that pods receive when they have the name of this class in their pod spec.'),
    column('Global-Default', 'boolean', 'globalDefault specifies whether this PriorityClass should be considered as the default priority for pods that do not have any priority class.'),
    AGE_COLUMN,
    column('PreemptionPolicy', 'string', 'preemptionPolicy is the Policy for preempting pods with lower priority. One of Never, PreemptLowerPriority. Defaults to PreemptLowerPriority if unset.'),
  ],
  // scheduling/v1 defaulting: an unset preemptionPolicy is PreemptLowerPriority.
  print: (obj, now) => ({
    cells: [nameOf(obj), int(obj.value), bool(obj.globalDefault), ageOf(obj, now), str(obj.preemptionPolicy, 'PreemptLowerPriority')],
  }),
};

export const leasePrinter: ResourcePrinter = {
  apiVersion: 'coordination.k8s.io/v1',
  kind: 'Lease',
  columns: [
    NAME_COLUMN,
    column('Holder', 'string', 'holderIdentity contains the identity of the holder of a current lease.'),
    AGE_COLUMN,
  ],
  print: (obj, now) => ({ cells: [nameOf(obj), str(rec(obj.spec).holderIdentity), ageOf(obj, now)] }),
};
