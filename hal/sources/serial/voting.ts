// Redundant separation switches vote per plane: the policy decides when a separation is confirmed,
// and switches that disagree for longer than the agreement window raise an alarm. Pure; time passed in.

export type { VotePolicy } from '../../signals/index.ts';
import type { VotePolicy } from '../../signals/index.ts';
export type PlaneState = 'attached' | 'separated';

export const DEFAULT_AGREEMENT_WINDOW_MS = 50;

export interface PlaneConfig {
  readonly plane: string;
  /** Switch ids on this plane; 1 to 9, each on one plane only. */
  readonly switches: readonly string[];
  /**
   * all (default): every switch must read separated — 2-of-2, 3-of-3.
   * majority: more than half — 2-of-3 (and 2-of-2, 1-of-1). any: one switch is enough.
   */
  readonly policy?: VotePolicy;
  /** How long switches may disagree before the alarm; default 50 ms. */
  readonly agreementWindowMs?: number;
  readonly initial?: PlaneState;
}

export type VoteEvent =
  | {
      readonly kind: 'confirmed';
      readonly plane: string;
      readonly state: PlaneState;
      readonly atMs: number;
      /** Switches reading separated when the vote was decided. */
      readonly separated: readonly string[];
    }
  | {
      readonly kind: 'disagreement';
      readonly plane: string;
      readonly atMs: number;
      readonly separated: readonly string[];
      readonly attached: readonly string[];
    }
  /** The switches agree again after a disagreement alarm. */
  | { readonly kind: 'agreement'; readonly plane: string; readonly atMs: number; readonly state: PlaneState };

/** Switches needed to confirm a separation. */
export function threshold(policy: VotePolicy, n: number): number {
  switch (policy) {
    case 'all':
      return n;
    case 'majority':
      return Math.floor(n / 2) + 1;
    case 'any':
      return 1;
  }
}

/** One separation plane. Feed it debounced switch edges; poll() when nextDeadline() is due. */
export class PlaneVoter {
  readonly plane: string;
  readonly policy: VotePolicy;
  readonly agreementWindowMs: number;
  private readonly readings = new Map<string, boolean>();
  private current: PlaneState;
  private mixedSince: number | null = null;
  private alarmed = false;
  private lastMs = -Infinity;
  private readonly pending: VoteEvent[] = [];

  constructor(config: PlaneConfig) {
    const { plane, switches } = config;
    if (switches.length < 1 || switches.length > 9) throw new RangeError(`plane ${plane}: needs 1 to 9 switches, has ${switches.length}`);
    if (new Set(switches).size !== switches.length) throw new RangeError(`plane ${plane}: a switch is listed twice`);
    const window = config.agreementWindowMs ?? DEFAULT_AGREEMENT_WINDOW_MS;
    if (!Number.isFinite(window) || window <= 0) throw new RangeError(`plane ${plane}: agreementWindowMs ${window} must be > 0`);
    this.plane = plane;
    this.policy = config.policy ?? 'all';
    this.agreementWindowMs = window;
    this.current = config.initial ?? 'attached';
    for (const s of switches) this.readings.set(s, this.current === 'separated');
  }

  get state(): PlaneState {
    return this.current;
  }

  get switches(): readonly string[] {
    return [...this.readings.keys()];
  }

  /** True while a disagreement alarm is raised. */
  get disagreeing(): boolean {
    return this.alarmed;
  }

  nextDeadline(): number | undefined {
    return this.mixedSince !== null && !this.alarmed ? this.mixedSince + this.agreementWindowMs : undefined;
  }

  /** A debounced switch reading. Throws on a switch that is not on this plane (a wiring bug). */
  update(switchId: string, separated: boolean, atMs: number): void {
    if (!this.readings.has(switchId)) throw new RangeError(`plane ${this.plane}: unknown switch ${switchId}`);
    this.advance(atMs);
    this.readings.set(switchId, separated);
    this.evaluate(atMs);
  }

  poll(atMs: number): VoteEvent[] {
    this.advance(atMs);
    return this.pending.splice(0);
  }

  private split(): { separated: string[]; attached: string[] } {
    const separated: string[] = [];
    const attached: string[] = [];
    for (const [id, sep] of this.readings) (sep ? separated : attached).push(id);
    return { separated, attached };
  }

  private evaluate(atMs: number): void {
    const { separated, attached } = this.split();
    const n = this.readings.size;
    if (this.current === 'attached' && separated.length >= threshold(this.policy, n)) {
      this.current = 'separated';
      this.pending.push({ kind: 'confirmed', plane: this.plane, state: 'separated', atMs, separated });
    } else if (this.current === 'separated' && separated.length === 0) {
      // Separation is sticky: re-attaching (a lab reset) needs every switch back, whatever the policy.
      this.current = 'attached';
      this.pending.push({ kind: 'confirmed', plane: this.plane, state: 'attached', atMs, separated });
    }
    if (separated.length > 0 && attached.length > 0) {
      this.mixedSince ??= atMs;
    } else {
      if (this.alarmed) this.pending.push({ kind: 'agreement', plane: this.plane, atMs, state: this.current });
      this.alarmed = false;
      this.mixedSince = null;
    }
  }

  private advance(atMs: number): void {
    if (!Number.isFinite(atMs) || atMs < this.lastMs) {
      throw new RangeError(`time went backwards or is not finite: ${atMs} after ${this.lastMs}`);
    }
    this.lastMs = atMs;
    if (this.mixedSince !== null && !this.alarmed && atMs >= this.mixedSince + this.agreementWindowMs) {
      this.alarmed = true;
      this.pending.push({ kind: 'disagreement', plane: this.plane, atMs: this.mixedSince + this.agreementWindowMs, ...this.split() });
    }
  }
}

export type BankEvent = VoteEvent | { readonly kind: 'unknown-switch'; readonly switchId: string; readonly atMs: number };

/** All planes of a vehicle: routes each switch to its plane; an unwired switch is reported, not fatal. */
export class VotingBank {
  private readonly planes: PlaneVoter[];
  private readonly bySwitch = new Map<string, PlaneVoter>();
  private readonly unknown: BankEvent[] = [];

  constructor(configs: readonly PlaneConfig[]) {
    this.planes = configs.map((c) => new PlaneVoter(c));
    for (const p of this.planes) {
      for (const s of p.switches) {
        const other = this.bySwitch.get(s);
        if (other) throw new RangeError(`switch ${s} is on both plane ${other.plane} and plane ${p.plane}`);
        this.bySwitch.set(s, p);
      }
    }
  }

  plane(name: string): PlaneVoter | undefined {
    return this.planes.find((p) => p.plane === name);
  }

  update(switchId: string, separated: boolean, atMs: number): void {
    const p = this.bySwitch.get(switchId);
    if (p) p.update(switchId, separated, atMs);
    else this.unknown.push({ kind: 'unknown-switch', switchId, atMs });
  }

  /** Events of every plane up to `atMs`, in time order (stable: plane order breaks ties). */
  poll(atMs: number): BankEvent[] {
    const out: BankEvent[] = this.unknown.splice(0);
    for (const p of this.planes) out.push(...p.poll(atMs));
    return out.sort((a, b) => a.atMs - b.atMs);
  }

  nextDeadline(): number | undefined {
    const ts = this.planes.map((p) => p.nextDeadline()).filter((t): t is number => t !== undefined);
    return ts.length ? Math.min(...ts) : undefined;
  }
}
