import { TEMPLATE_LIMITS } from './template-engine.ts';

/** The message a render stopped by its step count fails with (liquidjs names its own limits the same way). */
const STEPS_EXCEEDED = 'render steps limit exceeded';

/**
 * What the renders of one mail (its subject and body), or of one sample in a check, may still spend: steps, counted
 * (TEMPLATE_LIMITS.renderSteps), and wall-clock time, the backstop (TEMPLATE_LIMITS.renderMs). One budget is shared
 * by the renders it is given to.
 */
export class RenderBudget {
  private stepsLeft: number;
  private readonly until: number;

  constructor(steps: number = TEMPLATE_LIMITS.renderSteps, ms: number = TEMPLATE_LIMITS.renderMs) {
    this.stepsLeft = steps;
    this.until = performance.now() + ms;
  }

  /** Spends `count` steps; throws once more are spent than the budget had. */
  step(count: number): void {
    this.stepsLeft -= count;
    if (this.stepsLeft < 0) throw new Error(STEPS_EXCEEDED);
  }

  /** The milliseconds left before the backstop, never below zero. */
  msLeft(): number {
    return Math.max(0, this.until - performance.now());
  }
}
