// `kubectl get deployments|replicasets|statefulsets|daemonsets` (apps/v1).
// upstream: pkg/printers/internalversion/printers.go printDeployment, printReplicaSet,
// printStatefulSet, printDaemonSet and their column definitions.

import {
  AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN, NAME_COLUMN, ageOf, column, layoutContainerCells,
  nameOf, replicasOf, wide,
} from './columns.ts';
import { int, rec } from './json.ts';
import { formatLabelSelector, formatLabels, labelSelectorString } from './labels.ts';
import type { ResourcePrinter } from './types.ts';

const READY_DOC = 'Number of the pod with ready state';

export const deploymentPrinter: ResourcePrinter = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  columns: [
    NAME_COLUMN,
    column('Ready', 'string', READY_DOC),
    column('Up-to-date', 'string',
      'Total number of non-terminated pods targeted by this deployment that have the desired template spec.'),
    column('Available', 'string',
      'Total number of available pods (ready for at least minReadySeconds) targeted by this deployment.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'Label selector for pods. Existing ReplicaSets whose pods are selected by this will be the ones affected by this deployment.'),
  ],
  print(obj, now) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const [names, images] = layoutContainerCells(spec.template);
    // Deployment prints the bare selector ("" when empty), "<invalid>" when it does not parse.
    const selector = labelSelectorString(spec.selector) ?? '<invalid>';
    return {
      cells: [
        nameOf(obj), `${int(status.readyReplicas)}/${replicasOf(spec)}`, int(status.updatedReplicas),
        int(status.availableReplicas), ageOf(obj, now), names, images, selector,
      ],
    };
  },
};

export const replicaSetPrinter: ResourcePrinter = {
  apiVersion: 'apps/v1',
  kind: 'ReplicaSet',
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'Replicas is the number of desired replicas. This is a pointer to distinguish between explicit zero and unspecified. Defaults to 1.'),
    column('Current', 'integer', 'Replicas is the most recently observed number of replicas.'),
    column('Ready', 'integer', 'The number of ready replicas for this replica set.'),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'Selector is a label query over pods that should match the replica count.'),
  ],
  print(obj, now) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const [names, images] = layoutContainerCells(spec.template);
    return {
      cells: [
        nameOf(obj), replicasOf(spec), int(status.replicas), int(status.readyReplicas), ageOf(obj, now),
        names, images, formatLabelSelector(spec.selector),
      ],
    };
  },
};

export const statefulSetPrinter: ResourcePrinter = {
  apiVersion: 'apps/v1',
  kind: 'StatefulSet',
  columns: [NAME_COLUMN, column('Ready', 'string', READY_DOC), AGE_COLUMN, CONTAINERS_COLUMN, IMAGES_COLUMN],
  print(obj, now) {
    const spec = rec(obj.spec);
    const [names, images] = layoutContainerCells(spec.template);
    return {
      cells: [nameOf(obj), `${int(rec(obj.status).readyReplicas)}/${replicasOf(spec)}`, ageOf(obj, now), names, images],
    };
  },
};

export const daemonSetPrinter: ResourcePrinter = {
  apiVersion: 'apps/v1',
  kind: 'DaemonSet',
  columns: [
    NAME_COLUMN,
    column('Desired', 'integer', 'The total number of nodes that should be running the daemon pod (including nodes correctly running the daemon pod).'),
    column('Current', 'integer', 'The number of nodes that are running at least 1 daemon pod and are supposed to run the daemon pod.'),
    column('Ready', 'integer', 'numberReady is the number of nodes that should be running the daemon pod and have one or more of the daemon pod running with a Ready Condition.'),
    column('Up-to-date', 'integer', 'The total number of nodes that are running updated daemon pod'),
    column('Available', 'integer', 'The number of nodes that should be running the daemon pod and have one or more of the daemon pod running and available (ready for at least spec.minReadySeconds)'),
    column('Node Selector', 'string', "NodeSelector is a selector which must be true for the pod to fit on a node. Selector which must match a node's labels for the pod to be scheduled on that node."),
    AGE_COLUMN,
    CONTAINERS_COLUMN,
    IMAGES_COLUMN,
    wide('Selector', 'string', 'A label query over pods that are managed by the daemon set. Must match in order to be controlled.'),
  ],
  print(obj, now) {
    const spec = rec(obj.spec);
    const status = rec(obj.status);
    const [names, images] = layoutContainerCells(spec.template);
    return {
      cells: [
        nameOf(obj), int(status.desiredNumberScheduled), int(status.currentNumberScheduled), int(status.numberReady),
        int(status.updatedNumberScheduled), int(status.numberAvailable),
        formatLabels(rec(rec(spec.template).spec).nodeSelector), ageOf(obj, now),
        names, images, formatLabelSelector(spec.selector),
      ],
    };
  },
};
