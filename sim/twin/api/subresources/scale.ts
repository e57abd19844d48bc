// GET/PUT/PATCH <workload>/scale: the autoscaling/v1 Scale view of a workload's replicas.
// upstream: pkg/registry/apps/deployment/storage/storage.go (ScaleREST)
import type { KubeObject } from '../../store/index.ts';
import { labelSelectorFromSpec, labelSelectorString } from '../../selectors/index.ts';
import { errors } from '../errors.ts';
import { applyPatch, type PatchType } from '../patching.ts';
import type { Registry } from '../registry.ts';
import type { ServedResource } from '../resources.ts';

export interface Scale {
  apiVersion: 'autoscaling/v1';
  kind: 'Scale';
  metadata: KubeObject['metadata'];
  spec: { replicas: number };
  status: { replicas: number; selector?: string };
}

export function scaleOf(obj: KubeObject): Scale {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: never };
  const status = (obj.status ?? {}) as { replicas?: number };
  const { name, namespace, uid, resourceVersion, creationTimestamp } = obj.metadata;
  return {
    apiVersion: 'autoscaling/v1',
    kind: 'Scale',
    metadata: { name, namespace, uid, resourceVersion, creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, selector: labelSelectorString(labelSelectorFromSpec(spec.selector)) },
  };
}

export function getScale(reg: Registry, res: ServedResource, namespace: string, name: string): Scale {
  return scaleOf(reg.get(res, namespace, name));
}

export function updateScale(reg: Registry, res: ServedResource, namespace: string, name: string, body: unknown): Scale {
  const scale = (body ?? {}) as Partial<Scale>;
  const replicas = scale.spec?.replicas;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas) || replicas < 0) {
    throw errors.invalid('Scale', 'autoscaling', name, `Scale.autoscaling "${name}" is invalid: spec.replicas: Invalid value: ${String(replicas)}: must be greater than or equal to 0`, [
      { reason: 'FieldValueInvalid', message: 'must be greater than or equal to 0', field: 'spec.replicas' },
    ]);
  }
  const stored = reg.get(res, namespace, name);
  const rv = scale.metadata?.resourceVersion;
  if (rv && rv !== stored.metadata.resourceVersion) throw errors.modified(res, name);
  const updated = reg.commitUpdate(res, { ...stored, spec: { ...(stored.spec as object), replicas } }, stored);
  return scaleOf(updated);
}

export function patchScale(reg: Registry, res: ServedResource, namespace: string, name: string, type: PatchType, patch: unknown): Scale {
  const current = getScale(reg, res, namespace, name);
  const patched = applyPatch(type, current, patch, 'Scale');
  return updateScale(reg, res, namespace, name, patched);
}
