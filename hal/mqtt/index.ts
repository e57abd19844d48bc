// hal/mqtt: the kis MQTT layer — topic tree, the embedded aedes broker with authentication and ACLs,
// and the transports (mqtt.js client by URL, or in-process) that sources and publishers use.
export * from './topics.ts';
export { BrokerAcl, BrokerConfigError, type AclUser, type BrokerRole, type BrokerUser } from './acl.ts';
export { EmbeddedBroker, type BrokerAddress, type BrokerCounters, type EmbeddedBrokerOptions } from './broker.ts';
export { SubscriptionRefusedError, type MqttTransport, type PublishOptions, type TransportListener } from './transport.ts';
export { mqttClientTransport, type MqttClientOptions } from './client-transport.ts';
export type { LocalTransport } from './local-transport.ts';
export { generateBrokerUsers, generatePassword, loadBrokerUsers, parseBrokerUsers } from './users-file.ts';
export { coalesceWrites } from './coalesce.ts';
