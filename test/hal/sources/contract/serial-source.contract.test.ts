// The SignalSource contract run by SerialSource over a real socat pseudo-terminal pair.
import { RealClock } from '../../../../sim/core/index.ts';
import { encodeFrame, SerialSource } from '../../../../hal/sources/serial/index.ts';
import type { Signal } from '../../../../hal/signals/index.ts';
import { PtyPair, SKIP_REASON, SOCAT } from '../serial/pty-pair.ts';
import { signalSourceContract, type SourceHarness } from './signal-source-contract.ts';

if (!SOCAT) console.warn(`SKIPPED: SignalSource contract for SerialSource — ${SKIP_REASON}`);

const clock = new RealClock();

function serialSource(path: string): SerialSource {
  return new SerialSource({
    path, box: 'box0', clock, heartbeatTimeoutMs: 60_000, debounceMs: 20,
    planes: [{ plane: 'stage1', stage: 'stage1', switches: ['stage1-a', 'stage1-b'] }],
    backoff: { initialMs: 20, maxMs: 200 },
  });
}

async function make(): Promise<SourceHarness> {
  const pty = new PtyPair();
  await pty.plug();
  const source = serialSource(pty.a);
  return {
    source,
    sourceTag: 'serial',
    // One PWR frame is one power signal (no debounce on levels); the millivolts carry the number.
    send: (from, count) => pty.write(Array.from({ length: count }, (_, i) => encodeFrame('PWR', ['bus', from + i])).join('')),
    indexOf: (s: Signal) => (s.type === 'power' && s.bus === 'bus' ? s.millivolts : undefined),
    sendGarbage: () => pty.write('$KIS,PWR,bus,999999*00\r\n\u0000\u00ffnoise$KIS,PWR,bus\r\n'),
    garbageCounters: ['badChecksum', 'malformed', 'garbageBytes'],
    // Released when another opener gets the device (serialport locks it while open).
    async released() {
      const probe = serialSource(pty.a);
      await probe.start();
      const ok = probe.status().connected;
      await probe.stop();
      return ok;
    },
    interrupt: { cut: () => pty.unplug(), restore: () => pty.plug() },
    dispose: () => pty.dispose(),
  };
}

if (SOCAT) {
  signalSourceContract({
    name: 'SerialSource over a socat pty', make, retry: 2, interruptible: true,
  });
}
