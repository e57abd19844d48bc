// `kis switchbox` as a command object (the integrator registers it in main.ts): flags, help, and a
// scripted run through a socat pty into a SerialSource.
import { afterAll, describe, expect, it, vi } from 'vitest';
import { commandHelp, parseCommandArgs, UsageError } from '../../sim/cli/command.ts';
import { switchboxCommand } from '../../sim/cli/commands/switchbox.ts';
import { RealClock } from '../../sim/core/index.ts';
import { SerialSource } from '../../hal/sources/serial/index.ts';
import { PtyPair, SKIP_REASON, SOCAT, waitFor } from '../hal/sources/serial/pty-pair.ts';

const run = (...argv: string[]) => switchboxCommand.run(parseCommandArgs(switchboxCommand, argv));

describe('kis switchbox flags', () => {
  it('documents the keys in --help', () => {
    const help = commandHelp(switchboxCommand);
    for (const s of ['--port PATH', '--profile P', '--baud N', 'Shift+1-9 bounce', 'K ARM/SAFE key', 'H stop/resume heartbeats', 'Q or Ctrl-C quit']) {
      expect(help).toContain(s);
    }
  });

  it.each([
    [[], /--port PATH is required/],
    [['--port', '/tmp/x@123'], /123 is not a standard baud rate/],
    [['--port', '/tmp/x', '--baud', 'fast'], /--baud must be a whole number/],
    [['--port', '/tmp/x', '--key', 'maybe'], /--key must be arm or safe/],
    [['--port', '/tmp/x', '--speed', '0'], /--speed must be a number above 0/],
    [['--port', '/tmp/x', '--from', 'soon'], /--from must be a mission time/],
  ])('%j is a usage error', async (argv, message) => {
    await expect(run(...argv)).rejects.toThrow(UsageError);
    await expect(run(...argv)).rejects.toThrow(message);
  });

  it('a bad profile exits 2 with file:line:col', async () => {
    const err = vi.spyOn(console, 'error').mockImplementation(() => {});
    try {
      expect(await run('--port', '/tmp/x', '--profile', 'does-not-exist.yaml')).toBe(2);
      expect(err.mock.calls.flat().join('\n')).toMatch(/does-not-exist\.yaml:\d+:\d+/);
    } finally {
      err.mockRestore();
    }
  });
});

describe.skipIf(!SOCAT)(`kis switchbox on a pty${SOCAT ? '' : ` (skipped: ${SKIP_REASON})`}`, () => {
  const pty = new PtyPair();
  afterAll(() => pty.dispose());

  it('--profile --from --exit-at-end: plays the separation and exits 0', async () => {
    await pty.plug();
    const seen: string[] = [];
    const src = new SerialSource({
      path: pty.a,
      clock: new RealClock(),
      planes: [{ plane: 'booster', stage: 'booster', switches: ['booster-a', 'booster-b'] }],
    });
    src.subscribe((e) => seen.push(e.kind === 'signal' ? e.signal.type : e.alarm.alarm));
    await src.start();
    const log = vi.spyOn(console, 'log').mockImplementation(() => {});
    try {
      const code = await run('--port', pty.b, '--profile', 'profiles/electron-small.yaml', '--from', 'T+151.5s', '--speed', '5', '--exit-at-end');
      expect(code).toBe(0);
      const out = log.mock.calls.flat().join('\n');
      expect(out).toMatch(/switchbox on .*box @115200: 1 plane\(s\), 2 scripted frame\(s\), key ARM/);
      expect(out).toMatch(/T\+152000ms separation booster/);
      await waitFor(() => seen.includes('separation'), 'the separation');
    } finally {
      log.mockRestore();
      await src.stop();
    }
  });
});
