// `kubectl get events`: LAST SEEN TYPE REASON OBJECT MESSAGE (+ SUBOBJECT SOURCE FIRST SEEN
// COUNT NAME), for core/v1 and events.k8s.io/v1 Events.
// upstream: pkg/printers/internalversion/printers.go printEvent and formatEventSource.

import { NAME_DOC, column, nameOf, wide } from './columns.ts';
import { parseTime, translateTimestampSince } from './duration.ts';
import { int, present, rec, str, type JsonRecord } from './json.ts';
import type { PrintedRow, ResourcePrinter } from './types.ts';

const columns = [
  column('Last Seen', 'string', 'The time at which the most recent occurrence of this event was recorded.'),
  column('Type', 'string', 'Type of this event (Normal, Warning), new types could be added in the future'),
  column('Reason', 'string',
    "This should be a short, machine understandable string that gives the reason for the transition into the object's current status."),
  column('Object', 'string', 'The object that this event is about.'),
  wide('Subobject', 'string',
    'If referring to a piece of an object instead of an entire object, this string should contain a valid JSON/Go field access statement, such as desiredState.manifest.containers[2].'),
  wide('Source', 'string', 'The component reporting this event. Should be a short machine understandable string.'),
  column('Message', 'string', 'A human-readable description of the status of this operation.'),
  wide('First Seen', 'string', 'The time at which the event was first recorded. (Time of server receipt is in TypeMeta.)'),
  wide('Count', 'string', 'The number of times this event has occurred.'),
  column('Name', 'string', NAME_DOC, { format: 'name', priority: 1 }),
];

/** upstream: formatEventSource — component (or reportingController), then ", host" when set. */
function formatEventSource(event: JsonRecord): string {
  const source = rec(event.source);
  const component = str(source.component) || str(event.reportingController);
  const instance = str(source.host) || str(event.reportingInstance);
  return instance === '' ? component : `${component}, ${instance}`;
}

function printEvent(event: JsonRecord, now: number): PrintedRow {
  // New-API events carry only eventTime (a MicroTime); fall back to it as upstream does.
  const first = parseTime(event.firstTimestamp) !== undefined
    ? translateTimestampSince(event.firstTimestamp, now)
    : translateTimestampSince(event.eventTime, now);
  let last = parseTime(event.lastTimestamp) !== undefined ? translateTimestampSince(event.lastTimestamp, now) : first;
  let count = int(event.count);
  if (present(event.series)) {
    const series = rec(event.series);
    last = translateTimestampSince(series.lastObservedTime, now);
    count = int(series.count);
  } else if (count === 0) {
    // Singleton events don't have a count set in the new API.
    count = 1;
  }
  const involved = rec(event.involvedObject);
  const kind = str(involved.kind).toLowerCase();
  const target = str(involved.name) !== '' ? `${kind}/${str(involved.name)}` : kind;
  return {
    cells: [
      last,
      str(event.type),
      str(event.reason),
      target,
      str(involved.fieldPath),
      formatEventSource(event),
      str(event.message).trim(),
      first,
      count,
      nameOf(event),
    ],
  };
}

/**
 * An events.k8s.io/v1 Event in core/v1 field names, as the apiserver converts it before printing.
 * upstream: pkg/apis/events/v1/conversion.go Convert_v1_Event_To_core_Event
 */
export function eventsV1ToCore(event: JsonRecord): JsonRecord {
  return {
    ...event,
    involvedObject: event.regarding,
    related: event.related,
    message: event.note,
    source: event.deprecatedSource,
    firstTimestamp: event.deprecatedFirstTimestamp,
    lastTimestamp: event.deprecatedLastTimestamp,
    count: event.deprecatedCount,
  };
}

export const eventPrinter: ResourcePrinter = { apiVersion: 'v1', kind: 'Event', columns, print: printEvent };

export const eventsV1Printer: ResourcePrinter = {
  apiVersion: 'events.k8s.io/v1',
  kind: 'Event',
  columns,
  print: (obj, now) => printEvent(eventsV1ToCore(obj), now),
};
