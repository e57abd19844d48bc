// Field selector parsing, escapes, matching and per-resource support against upstream fields/selector_test.go.
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import {
  SelectorError,
  checkFieldsSupported,
  convertFieldSelector,
  fieldSelectorString,
  matchesFields,
  parseFieldSelector,
  requiredFields,
  selectableFields,
} from '../../../sim/twin/selectors/index.ts';

describe('parseFieldSelector', () => {
  it.each([
    ['x=a,y=b,z=c', 'x=a,y=b,z=c'],
    ['', ''],
    ['x!=a,y=b', 'x!=a,y=b'],
    ['x==a', 'x=a'],
    ['x=a||y\\=b', 'x=a||y\\=b'],
    ['x=a\\=\\=b', 'x=a\\=\\=b'],
    ['z=1,a=2', 'a=2,z=1'],
    ['x=a\\,b', 'x=a\\,b'],
    ['x=a\\\\b', 'x=a\\\\b'],
    ['x=', 'x='],
    ['status.phase!=Running,spec.restartPolicy=Always', 'spec.restartPolicy=Always,status.phase!=Running'],
  ])('%j prints %j', (text, printed) => {
    expect(fieldSelectorString(parseFieldSelector(text))).toBe(printed);
  });

  it.each([
    ['x=a||y=b', 'invalid field selector: unescaped character in value: 61'],
    ['x==a==b', 'invalid field selector: unescaped character in value: 61'],
    ['x=a,b', "invalid selector: 'x=a,b'; can't understand 'b'"],
    ['x in (a)', "invalid selector: 'x in (a)'; can't understand 'x in (a)'"],
    ['x in (a,b,c)', "invalid selector: 'x in (a,b,c)'; can't understand 'b'"],
    ['x', "invalid selector: 'x'; can't understand 'x'"],
    ['x=a\\b', 'invalid field selector: invalid escape sequence: \\b'],
    ['x=a\\', 'invalid field selector: invalid escape sequence: \\'],
  ])('%j throws %j', (text, message) => {
    expect(() => parseFieldSelector(text)).toThrow(new SelectorError(message));
  });

  it('unescapes values', () => {
    expect(parseFieldSelector('x=a\\,b\\=c\\\\d').terms).toEqual([{ field: 'x', operator: '=', value: 'a,b=c\\d' }]);
  });
});

describe('matchesFields', () => {
  it.each([
    ['', {}, true],
    ['x=y', { x: 'y' }, true],
    ['x=y,z=w', { x: 'y', z: 'w' }, true],
    ['x!=y,z!=w', { x: 'z', z: 'a' }, true],
    ['x!=y', {}, true],
    ['x=', {}, true],
    ['x=y', { x: 'z' }, false],
    ['x=y', {}, false],
    ['x!=y,z!=w', { x: 'z', z: 'w' }, false],
    ['x=a\\,b', { x: 'a,b' }, true],
  ] as const)('%j on %j → %s', (text, fields, expected) => {
    expect(matchesFields(parseFieldSelector(text), fields)).toBe(expected);
  });

  it('lists required fields once each', () => {
    expect(requiredFields(parseFieldSelector('b=1,a=2,b!=3'))).toEqual(['a', 'b']);
  });
});

describe('selectableFields', () => {
  it('offers the pod fields upstream offers', () => {
    const pod = {
      metadata: { name: 'p', namespace: 'ns' },
      spec: { nodeName: 'n1', restartPolicy: 'Always', schedulerName: 'default-scheduler', serviceAccountName: 'sa' },
      status: { phase: 'Running', podIP: '10.0.0.1', podIPs: [{ ip: '10.0.0.1' }] },
    };
    expect(selectableFields('pods', pod)).toEqual({
      'metadata.name': 'p',
      'metadata.namespace': 'ns',
      'spec.nodeName': 'n1',
      'spec.restartPolicy': 'Always',
      'spec.schedulerName': 'default-scheduler',
      'spec.serviceAccountName': 'sa',
      'spec.hostNetwork': 'false',
      'status.phase': 'Running',
      'status.podIP': '10.0.0.1',
      'status.nominatedNodeName': '',
    });
  });

  it('offers node, namespace and event fields', () => {
    expect(selectableFields('nodes', { metadata: { name: 'n' }, spec: { unschedulable: true } })).toEqual({
      'metadata.name': 'n',
      'spec.unschedulable': 'true',
    });
    expect(selectableFields('namespaces', { metadata: { name: 'x' }, status: { phase: 'Active' } })).toEqual({
      'metadata.name': 'x',
      'status.phase': 'Active',
    });
    const ev = selectableFields('events', {
      metadata: { name: 'e', namespace: 'default' },
      involvedObject: { kind: 'Node', name: 'n1', uid: 'u1' },
      reason: 'StageSeparated',
      type: 'Normal',
      reportingComponent: 'kis-hal',
    });
    expect(ev['involvedObject.kind']).toBe('Node');
    expect(ev['involvedObject.namespace']).toBe('');
    expect(ev['source']).toBe('kis-hal');
    expect(ev['reason']).toBe('StageSeparated');
  });

  it('offers only metadata for other resources', () => {
    expect(selectableFields('deployments.apps', { metadata: { name: 'd', namespace: 'ns' } })).toEqual({
      'metadata.name': 'd',
      'metadata.namespace': 'ns',
    });
    expect(selectableFields('priorityclasses.scheduling.k8s.io', { metadata: { name: 'high' } })).toEqual({
      'metadata.name': 'high',
    });
  });
});

describe('checkFieldsSupported / convertFieldSelector', () => {
  it.each([
    ['pods', 'spec.nodeName=n1,status.phase!=Running'],
    ['pods', 'metadata.namespace=x'],
    ['nodes', 'spec.unschedulable=true,metadata.name=n'],
    ['events', 'involvedObject.kind=Node,involvedObject.name=n1,reason=PowerLost,type=Warning'],
    ['namespaces', 'status.phase=Active'],
    ['deployments.apps', 'metadata.name=d'],
    ['replicasets.apps', 'metadata.namespace=d'],
  ])('%s accepts %j', (resource, text) => {
    expect(() => checkFieldsSupported(resource, parseFieldSelector(text))).not.toThrow();
  });

  it.each([
    ['pods', 'spec.foo=x', 'field label not supported: spec.foo'],
    ['nodes', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    ['namespaces', 'metadata.namespace=x', 'field label not supported: metadata.namespace'],
    // upstream apps/v1 registers no conversion func, so ReplicaSet's selectable status.replicas is unreachable.
    ['replicasets.apps', 'status.replicas=0', '"status.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
    ['deployments.apps', 'spec.replicas=1', '"spec.replicas" is not a known field selector: only "metadata.name", "metadata.namespace"'],
  ])('%s rejects %j', (resource, text, message) => {
    expect(() => checkFieldsSupported(resource, parseFieldSelector(text))).toThrow(new SelectorError(message));
  });

  it('rewrites the legacy spec.host alias to spec.nodeName', () => {
    const sel = convertFieldSelector('pods', parseFieldSelector('spec.host=n1'));
    expect(sel.terms).toEqual([{ field: 'spec.nodeName', operator: '=', value: 'n1' }]);
    const pod = { metadata: { name: 'p', namespace: 'd' }, spec: { nodeName: 'n1' } };
    expect(matchesFields(sel, selectableFields('pods', pod))).toBe(true);
  });
});

describe('properties', () => {
  it('parse never throws anything but SelectorError', () => {
    fc.assert(
      fc.property(fc.string({ unit: fc.constantFrom(...'ab=!,\\ .x'.split('')), maxLength: 20 }), (text) => {
        try {
          parseFieldSelector(text);
        } catch (e) {
          if (!(e instanceof SelectorError)) throw e;
        }
      }),
      { numRuns: 2000 },
    );
  });

  it('escaped values round-trip', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 12 }), (value) => {
        const sel = parseFieldSelector(fieldSelectorString({ terms: [{ field: 'f', operator: '=', value }] }));
        expect(matchesFields(sel, { f: value })).toBe(true);
      }),
    );
  });
});

describe('Object.prototype names', () => {
  it('are unknown resources and fields, not crashes', () => {
    expect(() => checkFieldsSupported('constructor', parseFieldSelector('toString=x'))).toThrow(SelectorError);
    expect(() => checkFieldsSupported('pods', parseFieldSelector('constructor=x'))).toThrow(
      new SelectorError('field label not supported: constructor'),
    );
    expect(selectableFields('constructor', { metadata: { name: 'n', namespace: 'd' } })).toEqual({
      'metadata.name': 'n',
      'metadata.namespace': 'd',
    });
  });
});
