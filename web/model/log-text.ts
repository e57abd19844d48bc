// One human line per signal, action, Kubernetes event, node change, verdict and log record.
import type { JournalRecord, LogEntry, NodeView, Signal } from './types.ts';

type Line = Omit<LogEntry, 'index' | 't'>;
type Rec<K extends JournalRecord['kind']> = Extract<JournalRecord, { kind: K }>;

export function signalLine(s: Signal): Line {
  const by = ` (${s.source})`;
  switch (s.type) {
    case 'separation':
      return info('signal', `separation ${s.plane} ${s.state}${s.stage ? ` (stage ${s.stage})` : ''}${s.switchId ? ` switch ${s.switchId}` : ''}${by}`);
    case 'power':
      return info('signal', `power ${s.bus} ${(s.millivolts / 1000).toFixed(2)} V${by}`);
    case 'power-state': {
      const line = info('signal', `power ${s.bus}${s.node ? ` node ${s.node}` : ''} ${s.state}${by}`, s.node ? { kind: 'node', key: s.node } : undefined);
      return s.state === 'lost' ? { ...line, severity: 'warn' } : line;
    }
    case 'link':
      return info('signal', `link ${s.link} ${s.state}${s.latencyMs !== undefined ? ` (${s.latencyMs} ms)` : ''}${by}`);
    case 'heartbeat':
      return info('signal', `heartbeat ${s.box} #${s.seq}`);
    case 'arm':
      return info('signal', `${s.box ?? 'console'} ${s.state}${by}`);
    case 'node-fault':
      return { ...info('signal', `node ${s.node} fault ${s.fault}${by}`, { kind: 'node', key: s.node }), severity: s.fault === 'heal' ? 'info' : 'warn' };
    case 'rollout':
      return info('signal', `rollout ${s.workload} to ${s.image}${by}`);
    case 'scale':
      return info('signal', `scale ${s.workload} to ${s.replicas}${by}`);
    case 'custom':
      if (s.name === 'flight-phase') {
        const d = s.data as { phase?: unknown } | null;
        return info('signal', `phase ${typeof d === 'object' && d !== null ? String(d.phase) : String(s.data)}${by}`);
      }
      return info('signal', `${s.name} ${clip(JSON.stringify(s.data))}${by}`);
  }
}

export function actionLine(r: Rec<'action'>): Line {
  const a = r.action as unknown as Record<string, unknown> & { type: string };
  const what = describeAction(a);
  // 'decided' lines stay short: the applied/refused line that follows carries the detail.
  const text = r.status === 'decided' ? `decided ${what}` : `${r.status} ${what}${r.detail ? `: ${r.detail}` : ''}`;
  const warn = r.status === 'refused' || r.status === 'failed' || (a.type === 'alarm' && a.state === 'raised');
  return { category: 'action', severity: warn ? 'warn' : 'info', text };
}

function describeAction(a: Record<string, unknown> & { type: string }): string {
  const target = a.target as { by: string; name: string } | undefined;
  const on = target ? ` ${target.by === 'node' ? '' : `${target.by} `}${target.name}` : '';
  switch (a.type) {
    case 'cordon-stage':
    case 'drain-stage':
    case 'detach-stage':
      return `${a.type} ${String(a.stage)}`;
    case 'shed-pods':
      return `shed-pods${on} below priority ${String(a.belowPriority)}`;
    case 'link-lost':
    case 'link-acquired':
      return `${a.type} ${String(a.link)}${on}`;
    case 'node-fault':
      return `node-fault ${String(a.fault)}${on}`;
    case 'scale-workload':
      return `scale ${String(a.workload)} to ${String(a.replicas)}`;
    case 'rollout-image':
      return `rollout ${String(a.workload)} to ${String(a.image)}`;
    case 'emit-event':
      return `event ${String(a.reason)}${on}`;
    case 'alarm':
      return `alarm ${String(a.alarm)} ${String(a.state)} ${String(a.subject)}: ${String(a.message)}`;
    default:
      return `${a.type}${on}`;
  }
}

/** A core/v1 Event (EventRecordData), about the node or pod it involves. */
export function eventLine(r: Rec<'cluster'>): Line {
  const d = (r.data ?? {}) as { type?: unknown; reason?: unknown; message?: unknown; count?: unknown; involved?: { kind?: unknown; name?: unknown; namespace?: unknown } };
  const inv = d.involved ?? {};
  const name = typeof inv.name === 'string' ? inv.name : r.name;
  const kind = inv.kind === 'Node' ? 'node' : inv.kind === 'Pod' ? 'pod' : undefined;
  const key = kind === 'pod' ? `${typeof inv.namespace === 'string' ? inv.namespace : (r.namespace ?? '')}/${name}` : name;
  const count = typeof d.count === 'number' && d.count > 1 ? ` (x${d.count})` : '';
  const text = `${String(d.reason ?? 'Event')} ${String(inv.kind ?? '')}/${name}: ${String(d.message ?? '')}${count}`;
  // upstream: k8s.io/api/core/v1/types.go EventTypeWarning — the only non-Normal type.
  return { category: 'event', severity: d.type === 'Warning' ? 'warn' : 'info', text, ...(kind ? { subject: { kind, key } } : {}) };
}

/** A node's change worth a line: added, deleted, Ready, other conditions, cordon, taints. */
export function nodeChangeLine(prev: NodeView | undefined, next: NodeView): Line | undefined {
  const subject = { kind: 'node' as const, key: next.name };
  if (!next.present) return { category: 'cluster', severity: 'info', text: `node ${next.name} deleted`, subject };
  if (!prev || !prev.present) return { category: 'cluster', severity: 'info', text: `node ${next.name} added (Ready ${next.ready})`, subject };
  const parts: string[] = [];
  if (prev.ready !== next.ready) parts.push(`Ready ${prev.ready} → ${next.ready}`);
  for (const k of new Set([...Object.keys(prev.conditions), ...Object.keys(next.conditions)])) {
    if (prev.conditions[k] !== next.conditions[k]) parts.push(`${k} ${prev.conditions[k] ?? '-'} → ${next.conditions[k] ?? '-'}`);
  }
  if (prev.unschedulable !== next.unschedulable) parts.push(next.unschedulable ? 'cordoned' : 'uncordoned');
  if (prev.power !== next.power) parts.push(`power ${next.power}`);
  if (prev.attached !== next.attached) parts.push(next.attached ? 'attached' : 'detached');
  for (const x of next.taints) if (!prev.taints.includes(x)) parts.push(`+taint ${x}`);
  for (const x of prev.taints) if (!next.taints.includes(x)) parts.push(`-taint ${x}`);
  if (parts.length === 0) return undefined;
  return { category: 'cluster', severity: next.ready === 'True' ? 'info' : 'warn', text: `node ${next.name}: ${parts.join(', ')}`, subject };
}

export function expectLine(r: Rec<'expect'>): Line {
  return { category: 'expect', severity: r.status === 'fail' ? 'warn' : 'info', text: `expectation ${r.name} ${r.status}${r.message ? `: ${r.message}` : ''}` };
}

export function logLine(r: Rec<'log'>): Line {
  const warn = r.level === 'warn' || r.level === 'error';
  return { category: 'log', severity: warn ? 'warn' : 'info', text: `${r.module ? `[${r.module}] ` : ''}${r.level === 'info' ? '' : `${r.level}: `}${r.message}` };
}

function info(category: LogEntry['category'], text: string, subject?: LogEntry['subject']): Line {
  return { category, severity: 'info', text, ...(subject ? { subject } : {}) };
}

function clip(s: string | undefined): string {
  if (s === undefined) return '';
  return s.length > 120 ? `${s.slice(0, 117)}...` : s;
}
