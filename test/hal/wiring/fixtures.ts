// A small wiring for the decide() tables: two stages, one box, two buses, one link, one command.
import type { Wiring } from '../../../hal/wiring/index.ts';

export const WIRING: Wiring = {
  vehicle: 'falcon9',
  stages: ['stage1', 'stage2'],
  arming: 'key',
  shedBelowPriority: 1000,
  serial: [{
    box: 'box0', debounceMs: 20, heartbeatTimeoutMs: 1000,
    planes: [
      { plane: 'p1', stage: 'stage1', switches: ['a', 'b'], policy: 'all', agreementWindowMs: 50, separation: 'planned' },
      { plane: 'p2', stage: 'stage2', switches: ['c'], policy: 'all', agreementWindowMs: 50, separation: 'unplanned' },
    ],
  }],
  mqtt: [],
  power: [{ bus: 's1-bus', brownoutMillivolts: 24_000, cutoffMillivolts: 20_000, hysteresisMillivolts: 500 }],
  links: [{ link: 's-band', stages: ['stage2'] }, { link: 'relay', stages: [] }],
  commands: { 'start-payload': [{ type: 'scale-workload', workload: 'payload', replicas: 1 }] },
};
