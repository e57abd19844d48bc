// The wiring loader: a full file parses with defaults; every bad file reports file:line:col: message.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadWiring, parseWiring, WiringLoadError } from '../../../hal/wiring/index.ts';

const GOOD = `apiVersion: kis.dev/v1
kind: Wiring
vehicle: falcon9
stages: [stage1, stage2]
arming: armed
shedBelowPriority: 1000
serial:
  - box: box0
    debounceMs: 30
    planes:
      - plane: s1-s2
        stage: stage1
        switches: [A, B]
        policy: any
        separation: planned
mqtt:
  - { topic: kis/falcon9/signal/power/s1-bus, signal: power, id: s1-bus }
power:
  - { bus: s1-bus, brownoutVolts: 24, cutoffVolts: 20.5 }
links:
  - { link: s-band, stages: [stage2] }
commands:
  start-payload:
    - { type: scale-workload, workload: payload, replicas: 1 }
`;

describe('parseWiring', () => {
  it('parses a full file and applies defaults', () => {
    const { wiring, errors } = parseWiring(GOOD, 'lab.yaml');
    expect(errors).toEqual([]);
    expect(wiring).toMatchObject({
      vehicle: 'falcon9',
      arming: 'armed',
      shedBelowPriority: 1000,
      serial: [{ box: 'box0', debounceMs: 30, heartbeatTimeoutMs: 1000, planes: [{ plane: 's1-s2', policy: 'any', agreementWindowMs: 50, separation: 'planned' }] }],
      power: [{ bus: 's1-bus', brownoutMillivolts: 24_000, cutoffMillivolts: 20_500, hysteresisMillivolts: 500 }],
      commands: { 'start-payload': [{ type: 'scale-workload', workload: 'payload', replicas: 1 }] },
    });
  });

  it('defaults arming to key and stages to the planes\' stages', () => {
    const { wiring } = parseWiring('apiVersion: kis.dev/v1\nkind: Wiring\nvehicle: v\nserial:\n  - box: b\n    planes:\n      - { plane: p, stage: s, switches: [x] }\n', 'w.yaml');
    expect(wiring?.arming).toBe('key');
    expect(wiring?.stages).toEqual(['s']);
    expect(wiring?.serial[0]?.planes[0]?.separation).toBe('unplanned');
  });

  const edit = (from: string, to: string) => GOOD.replace(from, to);
  it.each([
    ['a YAML syntax error', 'vehicle: [\n', 'w.yaml:2:1: YAML: Flow sequence'],
    ['an empty file', '', 'w.yaml:1:1: the file is empty'],
    ['a misspelt field', edit('arming: armed', 'armng: armed'), 'w.yaml:5:1: armng: unknown field "armng" (did you mean "arming"?)'],
    ['a bad arming value', edit('arming: armed', 'arming: maybe'), 'w.yaml:5:9: arming: expected one of safe, armed, key; got "maybe"'],
    ['a bad policy', edit('policy: any', 'policy: anny'), 'w.yaml:14:17: serial[0].planes[0].policy: expected one of all, majority, any; got "anny" (did you mean "any"?)'],
    ['cutoff above brownout', edit('cutoffVolts: 20.5', 'cutoffVolts: 25'), 'w.yaml:19:52: power[0].cutoffVolts: cutoffVolts must be below brownoutVolts (24)'],
    ['a stage not declared', edit('stage: stage1', 'stage: stage9'), 'w.yaml:12:16: serial[0].planes[0].stage: stage stage9 is not in stages (stage1, stage2)'],
    ['a switch twice', edit('[A, B]', '[A, A]'), 'w.yaml:13:23: serial[0].planes[0].switches[1]: switch A is listed twice in box box0'],
    ['a bad command action', edit('replicas: 1', 'replicas: -1'), 'w.yaml:24:7: commands["start-payload"][0]'],
    ['a bad switch id', edit('[A, B]', '[A, "B,1"]'), 'w.yaml:13:23: serial[0].planes[0].switches[1]: expected a switch id'],
    ['a missing vehicle', edit('vehicle: falcon9\n', ''), 'w.yaml:1:1: missing required field "vehicle"'],
  ])('%s', (_name, text, want) => {
    const { wiring, errors } = parseWiring(text, 'w.yaml');
    expect(wiring).toBeUndefined();
    expect(errors.map((e) => `${e.file}:${e.line}:${e.col}: ${e.message}`).join('\n')).toContain(want);
  });

  it('loadWiring throws every error, formatted', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kis-wiring-'));
    const path = join(dir, 'bad.yaml');
    writeFileSync(path, GOOD.replace('arming: armed', 'arming: maybe').replace('policy: any', 'policy: x'));
    expect(() => loadWiring(path)).toThrow(WiringLoadError);
    try {
      loadWiring(path);
    } catch (e) {
      expect((e as WiringLoadError).errors).toHaveLength(2);
      expect((e as Error).message.split('\n')[0]).toMatch(/bad\.yaml:5:9: arming/);
    }
    expect(() => loadWiring(join(dir, 'missing.yaml'))).toThrow(/missing\.yaml:1:1: cannot read the wiring file: no such file/);
  });
});
