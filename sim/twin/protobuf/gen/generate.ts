// Turns upstream generated.proto files into descriptors.ts: the pruned message table the decoder walks.
//
// usage: node sim/cli/run-ts.mjs sim/twin/protobuf/gen/generate.ts [--out FILE] [--note TEXT] <generated.proto>…
// Feed it these upstream files (k8s.io/api and k8s.io/apimachinery, Kubernetes 1.32 or later; field numbers
// never change once released, so a newer tree only adds fields):
//   k8s.io/api/{core,apps,policy,coordination,scheduling,autoscaling}/v1/generated.proto
//   k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto, pkg/runtime/generated.proto,
//   pkg/util/intstr/generated.proto, pkg/api/resource/generated.proto
import { readFileSync, writeFileSync } from 'node:fs';
import { basename, resolve } from 'node:path';
import { SCALAR_TYPES, type FieldDescriptor, type FieldKind } from '../descriptor-types.ts';
import { parseProto, resolveType, type ParsedField } from './proto-parse.ts';

const CORE = 'k8s.io.api.core.v1';
const META = 'k8s.io.apimachinery.pkg.apis.meta.v1';

/** The kinds the twin serves (sim/twin/api/resources.ts) plus the subresource and options bodies clients POST. */
export const ROOTS: readonly (readonly [apiVersion: string, kind: string, message: string])[] = [
  ['v1', 'Namespace', `${CORE}.Namespace`],
  ['v1', 'Node', `${CORE}.Node`],
  ['v1', 'Pod', `${CORE}.Pod`],
  ['v1', 'Event', `${CORE}.Event`],
  ['v1', 'ConfigMap', `${CORE}.ConfigMap`],
  ['v1', 'Service', `${CORE}.Service`],
  ['v1', 'ServiceAccount', `${CORE}.ServiceAccount`],
  ['v1', 'Binding', `${CORE}.Binding`],
  ['apps/v1', 'Deployment', 'k8s.io.api.apps.v1.Deployment'],
  ['apps/v1', 'ReplicaSet', 'k8s.io.api.apps.v1.ReplicaSet'],
  ['apps/v1', 'StatefulSet', 'k8s.io.api.apps.v1.StatefulSet'],
  ['apps/v1', 'DaemonSet', 'k8s.io.api.apps.v1.DaemonSet'],
  ['policy/v1', 'PodDisruptionBudget', 'k8s.io.api.policy.v1.PodDisruptionBudget'],
  ['policy/v1', 'Eviction', 'k8s.io.api.policy.v1.Eviction'],
  ['coordination.k8s.io/v1', 'Lease', 'k8s.io.api.coordination.v1.Lease'],
  ['scheduling.k8s.io/v1', 'PriorityClass', 'k8s.io.api.scheduling.v1.PriorityClass'],
  ['autoscaling/v1', 'Scale', 'k8s.io.api.autoscaling.v1.Scale'],
  // upstream: metav1.AddToGroupVersion registers the options kinds in every group version.
  ['*', 'DeleteOptions', `${META}.DeleteOptions`],
  ['*', 'CreateOptions', `${META}.CreateOptions`],
  ['*', 'PatchOptions', `${META}.PatchOptions`],
  ['*', 'UpdateOptions', `${META}.UpdateOptions`],
];

/**
 * Embedded Go structs (`json:",inline"`): protobuf nests them as a field, JSON flattens their fields into
 * the parent. The .proto text does not say so; upstream: k8s.io/api/core/v1/types.go.
 */
export const INLINE_FIELDS: readonly string[] = [
  `${CORE}.Probe.handler`,
  `${CORE}.EphemeralContainer.ephemeralContainerCommon`,
  `${CORE}.Volume.volumeSource`,
  ...['ConfigMapEnvSource', 'ConfigMapKeySelector', 'ConfigMapProjection', 'ConfigMapVolumeSource',
    'SecretEnvSource', 'SecretKeySelector', 'SecretProjection'].map((m) => `${CORE}.${m}.localObjectReference`),
];

function kindOf(f: ParsedField, qualified: string): FieldKind {
  if (f.label === 'map') return 2;
  if (INLINE_FIELDS.includes(qualified)) return 3;
  return f.label === 'repeated' ? 1 : 0;
}

export function buildTable(files: { text: string; source: string }[]): {
  messages: Record<string, FieldDescriptor[]>;
  kinds: Record<string, string>;
} {
  const parsed = files.map((f) => ({ ...parseProto(f.text, f.source), source: f.source }));
  const all = new Map<string, { pkg: string; fields: ParsedField[] }>();
  for (const p of parsed) for (const [name, fields] of p.messages) all.set(name, { pkg: p.pkg, fields });
  const known = new Set(all.keys());

  const messages: Record<string, FieldDescriptor[]> = {};
  const queue = ROOTS.map((r) => r[2]);
  queue.push('k8s.io.apimachinery.pkg.runtime.Unknown');
  while (queue.length > 0) {
    const name = queue.shift()!;
    if (messages[name]) continue;
    const msg = all.get(name);
    if (!msg) throw new Error(`message ${name} is referenced but not defined in the given .proto files`);
    messages[name] = msg.fields
      .map((f): FieldDescriptor => {
        const type = resolveType(f.type, msg.pkg, known);
        if (!SCALAR_TYPES.has(type)) {
          if (!known.has(type)) throw new Error(`${name}.${f.name}: unknown type ${f.type}`);
          queue.push(type);
        }
        const kind = kindOf(f, `${name}.${f.name}`);
        return kind === 2 ? [f.number, f.name, kind, type, f.keyType!] : [f.number, f.name, kind, type];
      })
      .sort((a, b) => a[0] - b[0]);
  }
  for (const q of INLINE_FIELDS) {
    const at = q.lastIndexOf('.');
    if (!messages[q.slice(0, at)]?.some((f) => f[1] === q.slice(at + 1))) throw new Error(`inline field ${q} not found`);
  }
  const kinds: Record<string, string> = {};
  for (const [apiVersion, kind, message] of ROOTS) kinds[`${apiVersion}/${kind}`] = message;
  return { messages: Object.fromEntries(Object.entries(messages).sort(([a], [b]) => a.localeCompare(b))), kinds };
}

export function renderTable(table: ReturnType<typeof buildTable>, sources: string[], note = ''): string {
  const lines = Object.entries(table.messages).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  const kinds = Object.entries(table.kinds).map(([k, v]) => `    ${JSON.stringify(k)}: ${JSON.stringify(v)},`);
  return [
    '// GENERATED by sim/twin/protobuf/gen/generate.ts from upstream generated.proto files; do not edit by hand.',
    '// upstream: k8s.io/api {core,apps,policy,coordination,scheduling,autoscaling}/v1/generated.proto and',
    '// k8s.io/apimachinery pkg/apis/meta/v1, pkg/runtime, pkg/util/intstr, pkg/api/resource generated.proto,',
    '// Kubernetes 1.32 field set (read from newer trees: field numbers are stable, later additions are harmless).',
    `// Inputs: ${sources.join(', ')}`,
    ...(note ? [`// Provenance: ${note}`] : []),
    "import type { DescriptorTable } from './descriptor-types.ts';",
    '',
    'export const DESCRIPTORS: DescriptorTable = {',
    '  messages: {',
    ...lines,
    '  },',
    '  kinds: {',
    ...kinds,
    '  },',
    '};',
    '',
  ].join('\n');
}

function main(argv: string[]): void {
  let out = resolve('sim/twin/protobuf/descriptors.ts');
  let note = '';
  const inputs: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i] ?? '');
    else if (argv[i] === '--note') note = argv[++i] ?? '';
    else inputs.push(argv[i]!);
  }
  if (inputs.length === 0) {
    console.error('usage: generate.ts [--out FILE] <generated.proto>…');
    process.exit(2);
  }
  const table = buildTable(inputs.map((p) => ({ text: readFileSync(p, 'utf8'), source: p })));
  writeFileSync(out, renderTable(table, inputs.map((p) => basename(p)), note));
  console.log(`${out}: ${Object.keys(table.messages).length} messages, ${Object.keys(table.kinds).length} kinds`);
}

if (process.argv[1] && /generate\.ts$/.test(process.argv[1])) main(process.argv.slice(2));
