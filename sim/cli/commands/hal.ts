// `kis hal`: the hardware-in-the-loop bridge from switch boxes and MQTT signals to a cluster.
import { BrokerConfigError, loadBrokerUsers } from '../../../hal/mqtt/index.ts';
import { deriveWiring, loadWiring, WiringLoadError, type Wiring } from '../../../hal/wiring/index.ts';
import { formatErrors, loadProfile, ProfileLoadError } from '../../profile/index.ts';
import { runHal, type HalBrokerOptions } from '../../run/hal-session.ts';
import { intFlag, UsageError, type Command, type ParsedArgs } from '../command.ts';

export const halCommand: Command = {
  name: 'hal',
  summary: 'Bridge real or simulated hardware (serial switch boxes, MQTT) to a cluster through the wiring rules',
  usage: 'kis hal (--wiring W | --profile P) [--serial PATH[@BAUD]]… [--mqtt URL | --broker [--broker-port N] [--broker-ws-port N] [--broker-users FILE]] [--kubeconfig P] [--context C] [--queue FILE] [--dry-run]',
  details: [
    'Signals from every source go through the wiring rules; the actions they decide go to a durable, ordered',
    'queue (--queue, default .kis/hal-queue.ndjson) that survives a restart and retries while the API is away.',
    'Destructive actions (detach, power off) run only when ARMED: from the wiring file, or the box key.',
    '--profile derives a default wiring for its vehicle. MQTT credentials go in the URL: mqtt://user:pass@host:1883.',
    '--broker runs the embedded MQTT broker (TCP 1883, WebSocket 9001 at /mqtt) with logins and topic ACLs: each device',
    'publishes only its own kis/<vehicle>/signal/<type>/<id> topics; only the HAL publishes state, events, alerts.',
    'Without --broker-users the credentials are generated for the wiring\'s buses, links and planes and printed once.',
    'With --mqtt or --broker the HAL publishes kis/<vehicle>/state/… (retained), events and alerts (docs/mqtt-topics.md).',
    'The cluster comes from --kubeconfig (default: $KUBECONFIG or ~/.kube/config). Stop with Ctrl-C or SIGTERM.',
  ].join('\n'),
  options: {
    wiring: { type: 'string', description: 'the wiring file (YAML)', valueName: 'W' },
    profile: { type: 'string', description: "derive the wiring from a flight profile's vehicle", valueName: 'P' },
    serial: { type: 'string', multiple: true, description: 'a switch box on this serial device (repeat for several)', valueName: 'PATH[@BAUD]' },
    mqtt: { type: 'string', description: 'subscribe to signals on this MQTT broker', valueName: 'URL' },
    broker: { type: 'boolean', description: 'run the embedded MQTT broker and attach the HAL to it' },
    'broker-host': { type: 'string', description: 'address the broker listens on (default 127.0.0.1; 0.0.0.0 for a lab network)', valueName: 'H' },
    'broker-port': { type: 'string', description: 'broker TCP port (default 1883)', valueName: 'N' },
    'broker-ws-port': { type: 'string', description: 'broker WebSocket port (default 9001)', valueName: 'N' },
    'broker-users': { type: 'string', description: 'users file (YAML/JSON): user → password, role, topics', valueName: 'FILE' },
    kubeconfig: { type: 'string', description: 'the cluster to drive', valueName: 'P' },
    context: { type: 'string', description: 'kubeconfig context', valueName: 'C' },
    queue: { type: 'string', description: 'the durable action queue file (default .kis/hal-queue.ndjson)', valueName: 'FILE' },
    'dry-run': { type: 'boolean', description: 'decide and log actions, change nothing in the cluster' },
    help: { type: 'boolean', short: 'h', description: 'show this help' },
  },
  async run({ values }) {
    if ((values.wiring === undefined) === (values.profile === undefined)) throw new UsageError('give exactly one of --wiring or --profile');
    const serial = (values.serial as string[] | undefined) ?? [];
    const broker = brokerOptions(values);
    if (serial.length === 0 && !values.mqtt && !broker) throw new UsageError('give at least one source: --serial PATH, --mqtt URL or --broker');
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
        ...(broker ? { broker } : {}),
        ...(values.kubeconfig ? { kubeconfig: values.kubeconfig as string } : {}),
        ...(values.context ? { context: values.context as string } : {}),
        dryRun: values['dry-run'] === true,
        queuePath: (values.queue as string | undefined) ?? '.kis/hal-queue.ndjson',
        log: (l) => console.log(l),
        ...(tty ? { status: (l: string) => process.stderr.write(`\r\x1b[K${l}`) } : {}),
      });
    } catch (e) {
      if (e instanceof BrokerConfigError) {
        console.error(`kis hal: ${e.message}`);
        return 2;
      }
      const err = e as { message?: string; code?: number };
      if (err.code === 0 || /kubeconfig|unreachable|ECONNREFUSED|cannot/i.test(err.message ?? '')) {
        console.error(`kis hal: ${err.message}`);
        return 2;
      }
      throw e;
    }
  },
};

const BROKER_FLAGS = ['broker-host', 'broker-port', 'broker-ws-port', 'broker-users'] as const;

/** The --broker flags, checked: exclusive with --mqtt; the others only with --broker. Reads the users file. */
function brokerOptions(values: ParsedArgs['values']): HalBrokerOptions | undefined {
  if (values.broker !== true) {
    const stray = BROKER_FLAGS.find((f) => values[f] !== undefined);
    if (stray) throw new UsageError(`--${stray} needs --broker`);
    return undefined;
  }
  if (values.mqtt !== undefined) throw new UsageError('give --mqtt URL (an external broker) or --broker (the embedded one), not both');
  const port = intFlag(values['broker-port'], 'broker-port', { max: 65535 });
  const wsPort = intFlag(values['broker-ws-port'], 'broker-ws-port', { max: 65535 });
  if (port !== undefined && port !== 0 && port === wsPort) throw new UsageError('--broker-port and --broker-ws-port must differ');
  let users;
  try {
    users = values['broker-users'] === undefined ? undefined : loadBrokerUsers(values['broker-users'] as string);
  } catch (e) {
    if (e instanceof BrokerConfigError) throw new UsageError(e.message);
    throw e;
  }
  return {
    ...(values['broker-host'] === undefined ? {} : { host: values['broker-host'] as string }),
    ...(port === undefined ? {} : { port }),
    ...(wsPort === undefined ? {} : { wsPort }),
    ...(users === undefined ? {} : { users }),
  };
}
