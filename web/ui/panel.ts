// The host ↔ panel contract (Open MCT style): the host owns the model, the time and the selection; a
// panel shows them and asks the host to seek or select.
import type { JournalModel, SceneState } from '../model/types.ts';
import type { PhaseMarker } from './phases.ts';

export type Subject = { readonly kind: 'node' | 'pod'; readonly key: string };

/** What the host asks of nobody but itself: panels call these. */
export interface HostActions {
  seek(t: number): void;
  select(subject: Subject | undefined): void;
}

/** Everything a panel may show, recomputed by the host when time, data or selection change. */
export interface ViewContext {
  readonly model: JournalModel;
  readonly state: SceneState;
  readonly t: number;
  readonly selection: Subject | undefined;
  readonly phases: readonly PhaseMarker[];
  /** Bumps when records were appended (a live run) or a journal was opened. */
  readonly revision: number;
}

export interface Panel {
  readonly element: HTMLElement;
  update(ctx: ViewContext): void;
}

export function sameSubject(a: Subject | undefined, b: Subject | undefined): boolean {
  return a?.kind === b?.kind && a?.key === b?.key;
}
