// The .proto parser, type resolution, pruning and inline marking, and the committed table's consistency.
import { describe, expect, it } from 'vitest';
import { SCALAR_TYPES } from '../../../../sim/twin/protobuf/descriptor-types.ts';
import { DESCRIPTORS } from '../../../../sim/twin/protobuf/index.ts';
import { INLINE_FIELDS, ROOTS, buildTable, renderTable } from '../../../../sim/twin/protobuf/gen/generate.ts';
import { parseProto, resolveType } from '../../../../sim/twin/protobuf/gen/proto-parse.ts';

// Written in go-to-protobuf's style: comments, options, imports, leading-dot and relative type names, maps.
const SAMPLE = `
syntax = "proto2";
package k8s.io.api.demo.v1;
import "k8s.io/apimachinery/pkg/apis/meta/v1/generated.proto";
option go_package = "k8s.io/api/demo/v1";

// Widget is a demo.
message Widget {
  // Standard object's metadata. See https://example/x // not a field
  optional .k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta metadata = 1;
  /* block
     comment */
  repeated Part parts = 2;
  map<string, .k8s.io.apimachinery.pkg.api.resource.Quantity> limits = 3;
  optional int64 count = 4 [default = 0];
}

message Part {
  optional string name = 1;
}

message Unused {
  optional string x = 1;
}
`;

describe('parseProto', () => {
  it('reads package, messages, labels, maps and numbers', () => {
    const p = parseProto(SAMPLE, 'sample.proto');
    expect(p.pkg).toBe('k8s.io.api.demo.v1');
    expect([...p.messages.keys()]).toEqual(['k8s.io.api.demo.v1.Widget', 'k8s.io.api.demo.v1.Part', 'k8s.io.api.demo.v1.Unused']);
    expect(p.messages.get('k8s.io.api.demo.v1.Widget')).toEqual([
      { number: 1, name: 'metadata', label: 'optional', type: '.k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta' },
      { number: 2, name: 'parts', label: 'repeated', type: 'Part' },
      { number: 3, name: 'limits', label: 'map', type: '.k8s.io.apimachinery.pkg.api.resource.Quantity', keyType: 'string' },
      { number: 4, name: 'count', label: 'optional', type: 'int64' },
    ]);
  });

  it('rejects statements it does not understand, naming the file and message', () => {
    expect(() => parseProto('package a; message M { oneof x = 1; }', 'bad.proto')).toThrow(/bad.proto: message M: cannot parse "oneof x = 1"/);
    expect(() => parseProto('message M {}', 'nopkg.proto')).toThrow(/no package/);
  });
});

describe('resolveType', () => {
  const known = new Set(['k8s.io.api.core.v1.Pod', 'k8s.io.apimachinery.pkg.apis.meta.v1.Time']);
  it.each([
    ['string', 'k8s.io.api.core.v1', 'string'],
    ['Pod', 'k8s.io.api.core.v1', 'k8s.io.api.core.v1.Pod'],
    ['.k8s.io.apimachinery.pkg.apis.meta.v1.Time', 'k8s.io.api.core.v1', 'k8s.io.apimachinery.pkg.apis.meta.v1.Time'],
    ['k8s.io.apimachinery.pkg.apis.meta.v1.Time', 'k8s.io.api.policy.v1', 'k8s.io.apimachinery.pkg.apis.meta.v1.Time'],
    ['Time', 'k8s.io.apimachinery.pkg.apis.meta.v1', 'k8s.io.apimachinery.pkg.apis.meta.v1.Time'],
  ])('%s in %s → %s', (type, pkg, want) => {
    expect(resolveType(type, pkg, known)).toBe(want);
  });
});

describe('buildTable', () => {
  it('fails loudly when a root or a referenced message is missing', () => {
    expect(() => buildTable([{ text: SAMPLE, source: 'sample.proto' }])).toThrow(/is referenced but not defined/);
  });
});

describe('committed descriptors.ts', () => {
  it('serves every root kind', () => {
    for (const [apiVersion, kind, message] of ROOTS) {
      expect(DESCRIPTORS.kinds[`${apiVersion}/${kind}`]).toBe(message);
      expect(DESCRIPTORS.messages[message], message).toBeDefined();
    }
  });

  it('defines every message it references (the table is closed)', () => {
    for (const [name, fields] of Object.entries(DESCRIPTORS.messages)) {
      for (const [num, field, , type] of fields) {
        expect(num, `${name}.${field}`).toBeGreaterThan(0);
        if (!SCALAR_TYPES.has(type)) expect(DESCRIPTORS.messages[type], `${name}.${field} → ${type}`).toBeDefined();
      }
    }
  });

  it('marks the Go-embedded structs as inline and nothing else', () => {
    const inline = Object.entries(DESCRIPTORS.messages).flatMap(([m, fs]) => fs.filter((f) => f[2] === 3).map((f) => `${m}.${f[1]}`));
    expect(inline.sort()).toEqual([...INLINE_FIELDS].sort());
  });

  it('has field numbers unique within each message', () => {
    for (const [name, fields] of Object.entries(DESCRIPTORS.messages)) {
      expect(new Set(fields.map((f) => f[0])).size, name).toBe(fields.length);
    }
  });

  it('renders a table that round-trips through its own text', () => {
    const text = renderTable({ messages: { 'a.B': [[1, 'x', 0, 'string']] }, kinds: { 'v1/B': 'a.B' } }, ['b.proto'], 'note');
    expect(text).toContain('"a.B": [[1,"x",0,"string"]],');
    expect(text).toContain('// Provenance: note');
  });

  it('spot-checks upstream field numbers', () => {
    const field = (m: string, name: string) => DESCRIPTORS.messages[m]!.find((f) => f[1] === name);
    expect(field('k8s.io.api.core.v1.PodSpec', 'tolerations')).toEqual([22, 'tolerations', 1, 'k8s.io.api.core.v1.Toleration']);
    expect(field('k8s.io.api.core.v1.PodSpec', 'nodeSelector')).toEqual([7, 'nodeSelector', 2, 'string', 'string']);
    expect(field('k8s.io.apimachinery.pkg.apis.meta.v1.ObjectMeta', 'managedFields')?.[0]).toBe(17);
    expect(field('k8s.io.api.policy.v1.Eviction', 'deleteOptions')?.[0]).toBe(2);
    expect(field('k8s.io.apimachinery.pkg.runtime.Unknown', 'raw')).toEqual([2, 'raw', 0, 'bytes']);
  });
});
