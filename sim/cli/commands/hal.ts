// `kis hal`: the hardware-in-the-loop bridge from switch boxes and MQTT signals to a cluster.
import { deriveWiring, loadWiring, WiringLoadError, type Wiring } from '../../../hal/wiring/index.ts';
import { formatErrors, loadProfile, ProfileLoadError } from '../../profile/index.ts';
import { runHal } from '../../run/hal-session.ts';
import { UsageError, type Command } from '../command.ts';

export const halCommand: Command = {
  name: 'hal',
  summary: 'Bridge real or simulated hardware (serial switch boxes, MQTT) to a cluster through the wiring rules',
  usage: 'kis hal (--wiring W | --profile P) [--serial PATH[@BAUD]]… [--mqtt URL] [--kubeconfig P] [--context C] [--queue FILE] [--dry-run]',
  details: [
    'Signals from every source go through the wiring rules; the actions they decide go to a durable, ordered',
    'queue (--queue, default .kis/hal-queue.ndjson) that survives a restart and retries while the API is away.',
    'Destructive actions (detach, power off) run only when ARMED: from the wiring file, or the box key.',
    '--profile derives a default wiring for its vehicle. MQTT credentials go in the URL: mqtt://user:pass@host:1883.',
    'The cluster comes from --kubeconfig (default: $KUBECONFIG or ~/.kube/config). Stop with Ctrl-C or SIGTERM.',
  ].join('\n'),
  options: {
    wiring: { type: 'string', description: 'the wiring file (YAML)', valueName: 'W' },
    profile: { type: 'string', description: "derive the wiring from a flight profile's vehicle", valueName: 'P' },
    serial: { type: 'string', multiple: true, description: 'a switch box on this serial device (repeat for several)', valueName: 'PATH[@BAUD]' },
    mqtt: { type: 'string', description: 'subscribe to signals on this MQTT broker', valueName: 'URL' },
    kubeconfig: { type: 'string', description: 'the cluster to drive', valueName: 'P' },
    context: { type: 'string', description: 'kubeconfig context', valueName: 'C' },
    queue: { type: 'string', description: 'the durable action queue file (default .kis/hal-queue.ndjson)', valueName: 'FILE' },
    'dry-run': { type: 'boolean', description: 'decide and log actions, change nothing in the cluster' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    if ((values.wiring === undefined) === (values.profile === undefined)) throw new UsageError('give exactly one of --wiring or --profile');
    const serial = (values.serial as string[] | undefined) ?? [];
    if (serial.length === 0 && !values.mqtt) throw new UsageError('give at least one source: --serial PATH or --mqtt URL');
    let wiring: Wiring;
    try {
      wiring = values.wiring ? loadWiring(values.wiring as string) : deriveWiring(loadProfile(values.profile as string));
    } catch (e) {
      if (e instanceof WiringLoadError || e instanceof ProfileLoadError) {
        console.error(formatErrors(e.errors));
        return 2;
      }
      throw e;
    }
    const tty = process.stderr.isTTY;
    try {
      return await runHal({
        wiring, serial,
        ...(values.mqtt ? { mqttUrl: values.mqtt as string } : {}),
        ...(values.kubeconfig ? { kubeconfig: values.kubeconfig as string } : {}),
        ...(values.context ? { context: values.context as string } : {}),
        dryRun: values['dry-run'] === true,
        queuePath: (values.queue as string | undefined) ?? '.kis/hal-queue.ndjson',
        log: (l) => console.log(l),
        ...(tty ? { status: (l: string) => process.stderr.write(`\r\x1b[K${l}`) } : {}),
      });
    } catch (e) {
      const err = e as { message?: string; code?: number };
      if (err.code === 0 || /kubeconfig|unreachable|ECONNREFUSED|cannot/i.test(err.message ?? '')) {
        console.error(`kis hal: ${err.message}`);
        return 2;
      }
      throw e;
    }
  },
};
