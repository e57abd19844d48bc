// Which ReplicaSet carries a Deployment's current pod template, and the new ReplicaSet object for a template.
// upstream: pkg/controller/deployment/util/deployment_util.go (EqualIgnoreHash, FindNewReplicaSet,
// FindOldReplicaSets, SetNewReplicaSetAnnotations) and sync.go getNewReplicaSet.
import type { KubeObject } from '../store/index.ts';
import { newControllerRef, parseTime } from './replicaset-pod-state.ts';
import { canonicalJson, computeHash } from './replicaset-template.ts';
import {
  ANNOTATIONS_TO_SKIP, DESIRED_REPLICAS_ANNOTATION, MAX_REPLICAS_ANNOTATION, POD_TEMPLATE_HASH_LABEL, REVISION_ANNOTATION, type DeploymentView,
} from './deployment-util.ts';

type Template = { metadata?: { labels?: Record<string, string>; [k: string]: unknown }; [k: string]: unknown };

/** The template without the pod-template-hash label, as canonical JSON (upstream: EqualIgnoreHash). */
export function templateKey(template: Template | undefined): string {
  const t = template ?? {};
  const labels = { ...(t.metadata?.labels ?? {}) };
  delete labels[POD_TEMPLATE_HASH_LABEL];
  return canonicalJson({ ...t, metadata: { ...(t.metadata ?? {}), labels } });
}

export class DeploymentTemplates {
  private readonly cache = new Map<string, { generation: number; key: string }>();

  private keyOf(obj: KubeObject): string {
    const uid = obj.metadata.uid ?? '';
    const generation = obj.metadata.generation ?? 0;
    const hit = this.cache.get(uid);
    if (hit && hit.generation === generation) return hit.key;
    const key = templateKey((obj.spec as { template?: Template } | undefined)?.template);
    this.cache.set(uid, { generation, key });
    return key;
  }

  forget(uid: string | undefined): void {
    if (uid) this.cache.delete(uid);
  }

  matches(d: KubeObject, rs: KubeObject): boolean {
    return this.keyOf(d) === this.keyOf(rs);
  }

  /**
   * upstream: FindNewReplicaSet (the oldest ReplicaSet with the same template) and FindOldReplicaSets.
   * Also accepted as new: a ReplicaSet carrying the hash of the current template — the template written by an
   * in-process writer that skipped defaulting differs from the defaulted copy the ReplicaSet stores, and
   * without this the controller would create a ReplicaSet per sync.
   */
  split(d: KubeObject, rsList: readonly KubeObject[]): { newRs: KubeObject | undefined; old: KubeObject[] } {
    const sorted = [...rsList].sort((a, b) => parseTime(a.metadata.creationTimestamp) - parseTime(b.metadata.creationTimestamp) || ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
    const spec = (d.spec ?? {}) as { template?: Template };
    const hash = computeHash(spec.template ?? {}, (d.status as { collisionCount?: number } | undefined)?.collisionCount);
    const newRs = sorted.find((rs) => this.matches(d, rs)) ?? sorted.find((rs) => rs.metadata.labels?.[POD_TEMPLATE_HASH_LABEL] === hash);
    return { newRs, old: sorted.filter((rs) => rs !== newRs) };
  }

  /** The Deployment's annotations a ReplicaSet inherits (upstream: copyDeploymentAnnotationsToReplicaSet). */
  copiedAnnotations(d: KubeObject): Record<string, string> {
    const out: Record<string, string> = {};
    for (const [k, v] of Object.entries(d.metadata.annotations ?? {})) if (!ANNOTATIONS_TO_SKIP.has(k)) out[k] = v;
    return out;
  }

  /** upstream: getNewReplicaSet's new object — name <deployment>-<hash>, the hash label on selector and template. */
  newReplicaSet(d: KubeObject, view: DeploymentView, replicas: number, revision: number, collisionCount: number | undefined): KubeObject {
    const spec = (d.spec ?? {}) as { template?: Template; selector?: { matchLabels?: Record<string, string>; [k: string]: unknown }; minReadySeconds?: number };
    const template = spec.template ?? {};
    const hash = computeHash(template, collisionCount);
    const labels = { ...(template.metadata?.labels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash };
    return {
      apiVersion: 'apps/v1',
      kind: 'ReplicaSet',
      metadata: {
        name: `${d.metadata.name}-${hash}`,
        namespace: d.metadata.namespace,
        labels,
        annotations: {
          ...this.copiedAnnotations(d),
          [REVISION_ANNOTATION]: String(revision),
          [DESIRED_REPLICAS_ANNOTATION]: String(view.replicas),
          [MAX_REPLICAS_ANNOTATION]: String(view.replicas + view.maxSurge),
        },
        ownerReferences: [newControllerRef(d, 'apps/v1', 'Deployment')],
      },
      spec: {
        replicas,
        minReadySeconds: spec.minReadySeconds ?? 0,
        selector: { ...(spec.selector ?? {}), matchLabels: { ...(spec.selector?.matchLabels ?? {}), [POD_TEMPLATE_HASH_LABEL]: hash } },
        template: { ...template, metadata: { ...(template.metadata ?? {}), labels } },
      },
    };
  }
}
