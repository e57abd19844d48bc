// The embedded MQTT broker (aedes) on TCP and WebSocket, with username/password authentication and
// the topic ACLs of acl.ts. Binds 127.0.0.1 unless told otherwise: a lab bus is not an internet service.
import { createServer as createHttpServer, type Server as HttpServer } from 'node:http';
import { createServer as createNetServer, type AddressInfo, type Server as NetServer } from 'node:net';
import { Aedes, type AuthenticateError, type Client } from 'aedes';
import { WebSocketServer, createWebSocketStream } from 'ws';
import { BrokerAcl, type AclUser, type BrokerUser } from './acl.ts';
import { coalesceWrites } from './coalesce.ts';
import { LocalTransport } from './local-transport.ts';
import { AckOrder } from './transport.ts';

export interface EmbeddedBrokerOptions {
  readonly vehicle: string;
  readonly users: readonly BrokerUser[];
  /** Default 127.0.0.1. */
  readonly host?: string;
  /** TCP port; default 1883; 0 picks a free port. */
  readonly port?: number;
  /** WebSocket port (path /mqtt and /); undefined = no WebSocket listener; 0 picks a free port. */
  readonly wsPort?: number;
}

export interface BrokerCounters {
  /** Clients connected now. */
  clients: number;
  connects: number;
  authFailures: number;
  /** Client ids refused because they do not start with the username (session takeover guard). */
  clientIdRefused: number;
  publishes: number;
  publishRefused: number;
  subscribeRefused: number;
  /** QoS 1 messages refused (no PUBACK, connection dropped) because what they caused could not be made durable. */
  notDurable: number;
}

export interface BrokerAddress {
  readonly host: string;
  readonly port: number;
  readonly wsPort?: number;
  /** mqtt://host:port */
  readonly url: string;
  /** ws://host:wsPort/mqtt when WebSocket is on. */
  readonly wsUrl?: string;
}

export class EmbeddedBroker {
  readonly acl: BrokerAcl;
  private readonly options: EmbeddedBrokerOptions;
  private aedes: Aedes | undefined;
  private tcp: NetServer | undefined;
  private http: HttpServer | undefined;
  private wss: WebSocketServer | undefined;
  private addr: BrokerAddress | undefined;
  private readonly users = new WeakMap<Client, AclUser>();
  private readonly locals = new Set<LocalTransport>();
  /** Per connection: PUBACKs leave in the order the PUBLISHes came, whatever each waited for. */
  private readonly ackOrders = new WeakMap<Client, AckOrder>();
  private readonly counts: BrokerCounters = {
    clients: 0, connects: 0, authFailures: 0, clientIdRefused: 0, publishes: 0, publishRefused: 0, subscribeRefused: 0, notDurable: 0,
  };

  constructor(options: EmbeddedBrokerOptions) {
    this.options = options;
    this.acl = new BrokerAcl(options.vehicle, options.users); // throws BrokerConfigError on bad config
  }

  get address(): BrokerAddress {
    if (!this.addr) throw new Error('the broker is not running; call start() first');
    return this.addr;
  }

  get running(): boolean {
    return this.aedes !== undefined;
  }

  counters(): BrokerCounters {
    return { ...this.counts, clients: this.aedes?.connectedClients ?? 0 };
  }

  async start(): Promise<BrokerAddress> {
    if (this.addr) return this.addr;
    const aedes = await Aedes.createBroker({
      authenticate: (client, username, password, done) => this.authenticate(client, username, password, done),
      authorizePublish: (client, packet, done) => {
        // client is null for the broker's own publishes (wills are re-checked by aedes with the client).
        const user = client ? this.users.get(client) : undefined;
        if (!client) return done(null);
        const why = user ? this.acl.refusePublish(user, packet.topic, packet.retain) : 'not authenticated';
        if (why) {
          this.counts.publishRefused++;
          // MQTT 3.1.1 has no negative PUBACK: aedes closes the connection, which is the refusal
          // the client sees (§3.3.5: the server may disconnect on an unauthorised publish).
          return done(new Error(why));
        }
        this.counts.publishes++;
        // aedes acknowledges (QoS 1 PUBACK) when this answers, so the HAL takes the message here and
        // answers once what it caused is on disk: "nothing lost" holds across a power cut too.
        const gate = this.ingest(client, packet);
        if (gate === undefined) return done(null);
        gate.then(
          () => done(null),
          (e: unknown) => {
            this.counts.notDurable++;
            done(e instanceof Error ? e : new Error(String(e)));
          },
        );
      },
      authorizeSubscribe: (client, sub, done) => {
        const user = this.users.get(client);
        if (user && this.acl.maySubscribe(user, sub.topic)) return done(null, sub);
        this.counts.subscribeRefused++;
        done(null, null); // SUBACK return code 0x80 for this filter (§3.9.3)
      },
    });
    aedes.on('client', () => this.counts.connects++);
    this.aedes = aedes;
    const host = this.options.host ?? '127.0.0.1';
    // noDelay: PUBACKs are tiny; Nagle would hold each behind the peer's delayed ACK (up to 40 ms)
    // and a pipelining device would stall on its in-flight window.
    this.tcp = createNetServer({ noDelay: true }, (socket) => {
      coalesceWrites(socket); // a burst's PUBACKs, and the PUBLISHes it fans out, in one writev each
      aedes.handle(socket);
    });
    const port = await listen(this.tcp, this.options.port ?? 1883, host);
    let wsPort: number | undefined;
    if (this.options.wsPort !== undefined) {
      this.http = createHttpServer((_req, res) => res.writeHead(426, { 'content-type': 'text/plain' }).end('MQTT over WebSocket only\n'));
      this.wss = new WebSocketServer({ server: this.http });
      this.wss.on('connection', (socket, req) => aedes.handle(createWebSocketStream(socket), req));
      wsPort = await listen(this.http, this.options.wsPort, host);
    }
    const h = host.includes(':') ? `[${host}]` : host;
    this.addr = {
      host,
      port,
      url: `mqtt://${h}:${port}`,
      ...(wsPort === undefined ? {} : { wsPort, wsUrl: `ws://${h}:${wsPort}/mqtt` }),
    };
    return this.addr;
  }

  /** Hands a device's PUBLISH to the in-process transports; for QoS 1, what the PUBACK waits for (in order). */
  private ingest(client: Client, packet: { topic: string; payload: Buffer | string; qos: number }): void | Promise<void> {
    if (typeof packet.payload === 'string') return undefined; // not from the wire; the subscription delivers it
    let own: Array<Promise<void>> | undefined;
    for (const t of this.locals) {
      const p = t.ingest(packet.topic, packet.payload);
      if (p) (own ??= []).push(p);
    }
    const mine = own === undefined ? undefined : own.length === 1 ? own[0]! : Promise.all(own).then(() => undefined);
    if (packet.qos === 0) {
      mine?.catch(() => undefined); // no acknowledgement to hold
      return undefined;
    }
    let order = this.ackOrders.get(client);
    if (!order) this.ackOrders.set(client, (order = new AckOrder()));
    return order.after(mine);
  }

  /** An in-process connection for the HAL: no socket, no ACL (the HAL is this process). */
  localTransport(): LocalTransport {
    if (!this.aedes) throw new Error('the broker is not running; call start() first');
    const t = new LocalTransport(this.aedes);
    this.locals.add(t);
    return t;
  }

  async stop(): Promise<void> {
    const aedes = this.aedes;
    if (!aedes) return;
    this.aedes = undefined;
    this.addr = undefined;
    for (const t of this.locals) t.brokerStopped();
    this.locals.clear();
    for (const c of this.wss?.clients ?? []) c.terminate();
    await Promise.all([
      close(this.tcp),
      this.wss ? new Promise<void>((r) => this.wss!.close(() => r())) : undefined,
      close(this.http),
      new Promise<void>((r) => aedes.close(() => r())),
    ]);
    this.tcp = this.http = this.wss = undefined;
  }

  private authenticate(
    client: Client,
    username: string | undefined,
    password: Buffer | undefined,
    done: (error: AuthenticateError | null, success: boolean | null) => void,
  ): void {
    const user = this.acl.authenticate(username, password);
    if (!user) {
      this.counts.authFailures++;
      return done(authError('bad username or password', 4), false);
    }
    // A client id names a session; letting one user reuse another's id would hand it that
    // session's subscriptions (§3.1.4: the server disconnects the existing client with that id).
    if (client.id !== user.username && !client.id.startsWith(`${user.username}-`)) {
      this.counts.clientIdRefused++;
      return done(authError(`client id ${client.id} must be "${user.username}" or start with "${user.username}-"`, 2), false);
    }
    this.users.set(client, user);
    done(null, true);
  }
}

function authError(message: string, returnCode: 2 | 4): AuthenticateError {
  // CONNACK return codes, MQTT 3.1.1 §3.2.2.3: 2 identifier rejected, 4 bad user name or password.
  return Object.assign(new Error(message), { returnCode }) as AuthenticateError;
}

function listen(server: NetServer | HttpServer, port: number, host: string): Promise<number> {
  return new Promise((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve((server.address() as AddressInfo).port);
    });
  });
}

function close(server: NetServer | HttpServer | undefined): Promise<void> {
  if (!server) return Promise.resolve();
  return new Promise((resolve) => server.close(() => resolve()));
}
