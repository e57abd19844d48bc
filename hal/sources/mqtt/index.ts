// hal/sources/mqtt: lab signals from MQTT devices (MqttSource) and the HAL's state/events/alerts back
// out (MqttPublisher, HalOutbound), over a broker URL or the embedded broker (transports from hal/mqtt).
export { MqttSource, type MqttSourceCounters, type MqttSourceOptions } from './source.ts';
export { MqttPublisher, type MqttPublisherCounters, type MqttPublisherOptions } from './publisher.ts';
export { HalOutbound, type ActionOutcome, type HalOutboundCounters, type HalOutboundOptions } from './outbound.ts';
export { ActiveAlarms, nodeSummary, stateMessages, type HalSnapshot, type NodeLike, type NodeSummary } from './hal-state.ts';
export { decodeSignalMessage, MAX_SIGNAL_PAYLOAD_BYTES, SIGNAL_SUBJECT_FIELD, type DecodeContext, type DecodeResult } from './decode.ts';
