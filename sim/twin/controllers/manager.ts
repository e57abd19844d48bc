// Starts and stops a set of controllers as one unit.
import type { Controller, ControllerContext } from './controller.ts';

export type ControllerFactory = (ctx: ControllerContext) => Controller;

export class ControllerManager {
  private readonly running: Controller[] = [];

  constructor(private readonly ctx: ControllerContext) {}

  start(factories: readonly ControllerFactory[]): void {
    for (const make of factories) {
      const c = make(this.ctx);
      c.start();
      this.running.push(c);
    }
  }

  stop(): void {
    for (const c of this.running.splice(0).reverse()) {
      try {
        c.stop();
      } catch (e) {
        this.ctx.onError(`stop ${c.name}`, e);
      }
    }
  }

  names(): string[] {
    return this.running.map((c) => c.name);
  }
}
