// Which printer serves which resource ("plural" for core, "plural.group" otherwise), mirroring
// the TableConvertor each upstream REST storage installs
// (printerstorage.TableConvertor{TableGenerator: printers.NewTableGenerator().With(printersinternal.AddHandlers)}).

import { daemonSetPrinter, deploymentPrinter, replicaSetPrinter, statefulSetPrinter } from './apps.ts';
import { leasePrinter, podDisruptionBudgetPrinter, priorityClassPrinter } from './cluster.ts';
import { configMapPrinter, namespacePrinter, secretPrinter, serviceAccountPrinter } from './core.ts';
import { eventPrinter, eventsV1Printer } from './event.ts';
import { nodePrinter } from './node.ts';
import { podPrinter } from './pod.ts';
import { servicePrinter } from './service.ts';
import type { ResourcePrinter } from './types.ts';

const PRINTERS: ReadonlyMap<string, ResourcePrinter> = new Map([
  ['pods', podPrinter],
  ['nodes', nodePrinter],
  ['namespaces', namespacePrinter],
  ['events', eventPrinter],
  ['events.events.k8s.io', eventsV1Printer],
  ['services', servicePrinter],
  ['serviceaccounts', serviceAccountPrinter],
  ['configmaps', configMapPrinter],
  ['secrets', secretPrinter],
  ['deployments.apps', deploymentPrinter],
  ['replicasets.apps', replicaSetPrinter],
  ['statefulsets.apps', statefulSetPrinter],
  ['daemonsets.apps', daemonSetPrinter],
  ['poddisruptionbudgets.policy', podDisruptionBudgetPrinter],
  ['priorityclasses.scheduling.k8s.io', priorityClassPrinter],
  ['leases.coordination.k8s.io', leasePrinter],
]);

/** The dedicated printer for a resource, or undefined when it gets upstream's default table. */
export function printerFor(resource: string): ResourcePrinter | undefined {
  return PRINTERS.get(resource);
}

/** Resources with a dedicated printer (everything else gets the default Name/Created At table). */
export function printedResources(): string[] {
  return [...PRINTERS.keys()];
}
