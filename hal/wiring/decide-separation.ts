// Separation rules: a planned separation drains the stage first (unless a prepare step already
// did), an unplanned one detaches at once; a plane separates once — repeats decide nothing.
import type { Action, CustomSignal, SeparationSignal } from '../signals/index.ts';
import { causeOf, event, stage, type Decision } from './decision.ts';
import { withItem, type WiringState } from './state.ts';
import type { PlaneWiring, Wiring } from './types.ts';

/** The custom signal a profile's prepareSeparation (or a lab's "prepare" button) sends. */
export const PREPARE_SEPARATION = 'prepare-separation';

export function findPlane(wiring: Wiring, plane: string): PlaneWiring | undefined {
  for (const box of wiring.serial) for (const p of box.planes) if (p.plane === plane) return p;
  return undefined;
}

export function decideSeparation(signal: SeparationSignal, state: WiringState, wiring: Wiring): Decision {
  const wired = findPlane(wiring, signal.plane);
  const stageName = wired?.stage ?? signal.stage;
  const was = state.separated.includes(signal.plane);
  if (signal.state === 'attached') {
    // A lab reset: the deleted nodes do not come back on their own, so there is nothing to undo.
    return { actions: [], state: { ...state, separated: withItem(state.separated, signal.plane, false) } };
  }
  if (was) return { actions: [], state };
  const next = { ...state, separated: withItem(state.separated, signal.plane, true) };
  if (stageName === undefined) {
    const alarm: Action = {
      type: 'alarm',
      alarm: 'unknown-plane',
      state: 'raised',
      subject: signal.plane,
      message: `plane ${signal.plane} separated but the wiring names no stage for it; nothing detached — add it to the wiring's serial planes`,
      ...causeOf(signal),
    };
    return { actions: [alarm], state: next };
  }
  const planned = (wired?.separation ?? 'unplanned') === 'planned';
  const actions: Action[] = [];
  let drained = state.drained;
  if (planned && !drained.includes(stageName)) {
    actions.push({ type: 'cordon-stage', stage: stageName, ...causeOf(signal) }, { type: 'drain-stage', stage: stageName, ...causeOf(signal) });
    drained = withItem(drained, stageName, true);
  }
  // The Event goes first: once detached, the stage's nodes are deleted and cannot carry it.
  actions.push(
    event(signal, stage(stageName), 'StageSeparated', planned ? 'Normal' : 'Warning',
      `${planned ? 'planned' : 'unplanned'} separation of stage ${stageName} at plane ${signal.plane}`),
    { type: 'detach-stage', stage: stageName, ...causeOf(signal) },
  );
  return { actions, state: { ...next, drained } };
}

/** prepare-separation {stage}: cordon and drain now, so the separation itself only detaches. */
export function decidePrepare(signal: CustomSignal, state: WiringState): Decision {
  const data = signal.data;
  // (Array.isArray does not narrow readonly arrays, hence the cast.)
  const name = typeof data === 'object' && data !== null && !Array.isArray(data) ? (data as { readonly [key: string]: unknown }).stage : undefined;
  if (typeof name !== 'string' || name === '') {
    const alarm: Action = {
      type: 'alarm', alarm: 'bad-signal', state: 'raised', subject: PREPARE_SEPARATION,
      message: `${PREPARE_SEPARATION} needs data.stage (a stage name); got ${JSON.stringify(data)}`, ...causeOf(signal),
    };
    return { actions: [alarm], state };
  }
  if (state.drained.includes(name)) return { actions: [], state };
  return {
    actions: [{ type: 'cordon-stage', stage: name, ...causeOf(signal) }, { type: 'drain-stage', stage: name, ...causeOf(signal) }],
    state: { ...state, drained: withItem(state.drained, name, true) },
  };
}
