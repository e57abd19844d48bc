// The twin's generic registry: every API write goes through here, from HTTP or from in-process
// controllers, so validation, admission, defaulting and resourceVersion rules are the same for all.
// upstream: k8s.io/apiserver/pkg/registry/generic/registry/store.go
import type { Clock } from '../../core/clock.ts';
import { type KubeObject, type ObjectStore, StoreError } from '../store/index.ts';
import { validateObject, invalidMessage, unknownFields } from '../validation/index.ts';
import { addDefaultTolerations, resolvePriority, type AdmissionConfig, DEFAULT_ADMISSION } from './admission.ts';
import { applyDefaults } from './defaults.ts';
import { ApiError, errors } from './errors.ts';
import { groupVersion, type ServedResource } from './resources.ts';
import { mergeForUpdate, prepareForCreate } from './strategy.ts';
import { INDEXED_FIELDS, makeListFilter, pinnedIndexValue, type ListQuery } from './list-filter.ts';
import { applyPatch, type PatchType } from './patching.ts';

export type FieldValidation = 'Strict' | 'Warn' | 'Ignore';

/** Metadata the server sets on create: whatever a client sent for these is dropped first. */
const SERVER_SET_METADATA = ['uid', 'resourceVersion', 'creationTimestamp', 'deletionTimestamp', 'deletionGracePeriodSeconds', 'generation'] as const;

/** A write about to happen: `before` absent for a create, `after` absent for a delete. */
export interface PendingWrite {
  resource: ServedResource;
  before?: KubeObject;
  after?: KubeObject;
}

/** Throws to refuse a write (an ApiError, e.g. 503 while the control plane has no quorum). */
export type WriteGate = (write: PendingWrite) => void;

export interface WriteOptions {
  dryRun?: boolean;
  /**
   * In-process writers (controllers, kubelets, the event recorder) that build fresh, well-formed objects:
   * the body is taken as owned (no defensive copy) and object validation is skipped. Never for HTTP input.
   */
  trusted?: boolean;
  fieldValidation?: FieldValidation;
  /** Receives warnings (fieldValidation=Warn) for the Warning response header. */
  warn?: (message: string) => void;
}

export interface RegistryOptions {
  store: ObjectStore;
  clock: Clock;
  admission?: AdmissionConfig;
  /** Called before every write; throws (e.g. 503 when the control plane has lost quorum). */
  writeGate?: WriteGate;
}

export class Registry {
  readonly store: ObjectStore;
  readonly clock: Clock;
  private readonly admission: AdmissionConfig;
  private writeGate: WriteGate;

  constructor(opts: RegistryOptions) {
    this.store = opts.store;
    this.clock = opts.clock;
    this.admission = opts.admission ?? DEFAULT_ADMISSION;
    this.writeGate = opts.writeGate ?? (() => undefined);
    for (const [resource, { field, value }] of Object.entries(INDEXED_FIELDS)) {
      if (!this.store.hasIndex(resource, field)) this.store.addIndex(resource, field, value);
    }
  }

  /**
   * Installs (or, with undefined, removes) the check every write passes first — the control-plane quorum
   * controller answers 503 through it while etcd has lost its majority.
   */
  setWriteGate(gate: WriteGate | undefined): void {
    this.writeGate = gate ?? (() => undefined);
  }

  get(res: ServedResource, namespace: string, name: string): KubeObject {
    const obj = this.store.get(res.key, namespace, name);
    if (!obj) throw errors.notFound(res, name);
    return obj;
  }

  list(res: ServedResource, namespace: string | undefined, query: ListQuery = {}) {
    const filter = makeListFilter(res, query);
    try {
      // A whole list that pins an indexed field reads the index (upstream's watch cache does the same).
      const pinned = query.limit || query.continue ? undefined : pinnedIndexValue(res, query);
      if (pinned !== undefined) return this.store.listIndexed(res.key, namespace || undefined, INDEXED_FIELDS[res.key]!.field, pinned, filter);
      return this.store.list(res.key, namespace || undefined, {
        ...(filter ? { filter } : {}),
        ...(query.limit ? { limit: query.limit } : {}),
        ...(query.continue ? { continue: query.continue } : {}),
      });
    } catch (e) {
      throw mapStoreError(res, '', e);
    }
  }

  create(res: ServedResource, namespace: string, body: unknown, opts: WriteOptions = {}): KubeObject {
    const obj = this.checkBody(res, body, opts);
    if (res.namespaced) {
      if (obj.metadata.namespace && obj.metadata.namespace !== namespace) {
        throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
      }
      obj.metadata.namespace = namespace;
      this.requireActiveNamespace(namespace);
    } else {
      delete obj.metadata.namespace;
    }
    // `delete` of an absent key is still a runtime call per key; most bodies carry none of these. A trusted writer's
    // are placeholders the store overwrites (it sets all six): left in place, the object keeps its layout.
    if (!opts.trusted) for (const f of SERVER_SET_METADATA) if (f in obj.metadata) delete obj.metadata[f];
    if (!obj.metadata.name && !obj.metadata.generateName) {
      throw errors.invalid(res.kind, res.group, '', `${res.kind}${res.group ? `.${res.group}` : ''} "" is invalid: metadata.name: Required value: name or generateName is required`, [
        { reason: 'FieldValueRequired', message: 'Required value: name or generateName is required', field: 'metadata.name' },
      ]);
    }
    prepareForCreate(res, obj);
    applyDefaults(res.key, obj);
    if (res.key === 'pods') {
      addDefaultTolerations(obj, this.admission);
      resolvePriority(obj, this.store);
    }
    if (!opts.trusted) this.validate(res, obj);
    this.writeGate({ resource: res, after: obj });
    if (opts.dryRun) return this.dryRunCreate(res, obj);
    try {
      // `obj` is the registry's own (a copy of the request, or a trusted writer's fresh object): the store keeps it.
      return this.store.create(res.key, obj, { owned: true });
    } catch (e) {
      throw mapStoreError(res, obj.metadata.name ?? '', e);
    }
  }

  update(res: ServedResource, namespace: string, name: string, body: unknown, subresource = '', opts: WriteOptions = {}): KubeObject {
    const incoming = this.checkBody(res, body, opts);
    if (incoming.metadata.name !== undefined && incoming.metadata.name !== name) {
      throw errors.badRequest(`the name of the object (${incoming.metadata.name}) does not match the name on the URL (${name})`);
    }
    if (res.namespaced && incoming.metadata.namespace && incoming.metadata.namespace !== namespace) {
      throw errors.badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    const stored = this.get(res, namespace, name);
    const rv = incoming.metadata.resourceVersion;
    if (rv !== undefined && rv !== '' && rv !== stored.metadata.resourceVersion) throw errors.modified(res, name);
    incoming.metadata.name = name;
    if (res.namespaced) incoming.metadata.namespace = namespace;
    const merged = mergeForUpdate(res, subresource, incoming, stored);
    merged.metadata.resourceVersion = stored.metadata.resourceVersion;
    if (subresource === '') applyDefaults(res.key, merged);
    return this.commitUpdate(res, merged, stored, opts);
  }

  patch(res: ServedResource, namespace: string, name: string, type: PatchType, patch: unknown, subresource = '', opts: WriteOptions = {}): KubeObject {
    const stored = this.get(res, namespace, name);
    const patched = applyPatch(type, stored, patch, res.kind);
    if (!isObject(patched) || !isObject(patched.metadata)) throw errors.badRequest('the patch produced an object without metadata');
    const rv = (patched.metadata as { resourceVersion?: string }).resourceVersion;
    if (rv !== undefined && rv !== stored.metadata.resourceVersion) throw errors.modified(res, name);
    if (opts.fieldValidation && opts.fieldValidation !== 'Ignore') this.checkUnknownFields(res, patched, opts);
    return this.update(res, namespace, name, patched, subresource, { ...opts, fieldValidation: 'Ignore' });
  }

  /** Writes an already-merged object; finishes a pending deletion once the last finalizer is gone. */
  commitUpdate(res: ServedResource, merged: KubeObject, stored: KubeObject, opts: WriteOptions = {}): KubeObject {
    if (!opts.trusted && !onlyStatusChanged(merged, stored)) this.validate(res, merged);
    this.writeGate({ resource: res, before: stored, after: merged });
    if (opts.dryRun) return merged;
    try {
      if (merged.metadata.deletionTimestamp && !hasFinalizers(res, merged) && gracefulDone(res, merged)) {
        return this.store.delete(res.key, merged.metadata.namespace ?? '', merged.metadata.name ?? '', { uid: stored.metadata.uid });
      }
      return this.store.update(res.key, merged);
    } catch (e) {
      throw mapStoreError(res, merged.metadata.name ?? '', e);
    }
  }

  /** Passes a delete through the write gate (deletion.ts removes objects itself). */
  checkDelete(res: ServedResource, stored: KubeObject): void {
    this.writeGate({ resource: res, before: stored });
  }

  /** Throws 404 when the namespace is missing, 403 when it is being terminated (upstream: NamespaceLifecycle admission). */
  requireActiveNamespace(namespace: string): void {
    const ns = this.store.get('namespaces', '', namespace);
    if (!ns) throw errors.notFound({ group: '', plural: 'namespaces' }, namespace);
    if (ns.metadata.deletionTimestamp) {
      throw errors.forbidden({ group: '', plural: 'namespaces' }, namespace,
        `unable to create new content in namespace ${namespace} because it is being terminated`);
    }
  }

  private checkBody(res: ServedResource, body: unknown, opts: WriteOptions): KubeObject {
    if (!isObject(body)) throw errors.badRequest('the request body must be a JSON object');
    // Trusted in-process writers hand over a fresh object they never touch again (its top level and metadata are
    // changed here, nested parts are not): it is used as it is. Everything else is copied before it is changed.
    const obj = (opts.trusted ? body : structuredClone(body)) as KubeObject;
    if (!isObject(obj.metadata)) obj.metadata = {};
    const gv = groupVersion(res);
    if (obj.apiVersion !== undefined && obj.apiVersion !== gv && !(res.key === 'pods' && obj.kind === 'Pod' && obj.apiVersion === 'v1')) {
      throw errors.badRequest(`the API version in the data (${String(obj.apiVersion)}) does not match the expected API version (${gv})`);
    }
    if (obj.kind !== undefined && obj.kind !== res.kind) {
      throw errors.badRequest(`the kind in the data (${String(obj.kind)}) does not match the expected kind (${res.kind})`);
    }
    obj.apiVersion = gv;
    obj.kind = res.kind;
    if (opts.fieldValidation && opts.fieldValidation !== 'Ignore') this.checkUnknownFields(res, obj, opts);
    return obj;
  }

  private checkUnknownFields(res: ServedResource, obj: unknown, opts: WriteOptions): void {
    const unknown = unknownFields(res.kind, res.group, res.version, obj);
    if (unknown.length === 0) return;
    // upstream: strict decoding error: unknown field "spec.foo", unknown field "bar"
    if (opts.fieldValidation === 'Strict') throw errors.badRequest(`strict decoding error: ${unknown.join(', ')}`);
    for (const u of unknown) opts.warn?.(u);
  }

  private validate(res: ServedResource, obj: KubeObject): void {
    const causes = validateObject(res.key, obj);
    if (causes.length === 0) return;
    const name = obj.metadata.name ?? obj.metadata.generateName ?? '';
    throw errors.invalid(res.kind, res.group, name, invalidMessage(res.kind, res.group, name, causes), causes);
  }

  private dryRunCreate(res: ServedResource, obj: KubeObject): KubeObject {
    if (!obj.metadata.name) obj.metadata.name = `${obj.metadata.generateName ?? ''}dryrun`;
    if (this.store.get(res.key, obj.metadata.namespace ?? '', obj.metadata.name)) throw errors.alreadyExists(res, obj.metadata.name);
    obj.metadata.creationTimestamp = new Date(this.clock.now()).toISOString().replace(/\.\d{3}Z$/, 'Z');
    obj.metadata.generation = 1;
    return obj;
  }
}

/**
 * A status write that kept spec, labels and annotations as the very same objects: the rest was validated when
 * it was written (upstream validates status updates with its own, lighter rules).
 */
function onlyStatusChanged(merged: KubeObject, stored: KubeObject): boolean {
  return (
    merged.spec === stored.spec &&
    merged.metadata.name === stored.metadata.name &&
    merged.metadata.labels === stored.metadata.labels &&
    merged.metadata.annotations === stored.metadata.annotations
  );
}

/** Metadata finalizers, and for namespaces the spec.finalizers the namespace controller clears through /finalize. */
function hasFinalizers(res: ServedResource, obj: KubeObject): boolean {
  if (obj.metadata.finalizers?.length) return true;
  return res.key === 'namespaces' && ((obj.spec as { finalizers?: string[] } | undefined)?.finalizers?.length ?? 0) > 0;
}

/** Pods wait for the kubelet (grace period) before they go; everything else goes once finalizers are done. */
function gracefulDone(res: ServedResource, obj: KubeObject): boolean {
  if (res.key !== 'pods') return true;
  return (obj.metadata.deletionGracePeriodSeconds ?? 0) === 0;
}

function isObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

export function mapStoreError(res: ServedResource, name: string, e: unknown): unknown {
  if (!(e instanceof StoreError)) return e;
  switch (e.reason) {
    case 'AlreadyExists':
      return errors.alreadyExists(res, name);
    case 'NotFound':
      return errors.notFound(res, name);
    case 'Conflict':
      return errors.modified(res, name);
    case 'Expired':
      return errors.expired(e.message);
    case 'Timeout':
      return new ApiError(504, 'Timeout', e.message);
    default:
      // Malformed continue tokens and the like: the client sent something unusable.
      return errors.badRequest(e.message);
  }
}
