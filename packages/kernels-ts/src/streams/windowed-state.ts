import { LagWindow } from './lag-window.js';
import { ScalarState } from './scalar-state.js';

/**
 * A {@link ScalarState} over a fixed window: its {@link LagWindow} hands each push the value that
 * leaves the window, and is saved, restored and reset with the numbers.
 */
export abstract class WindowedState extends ScalarState {
  protected readonly window: number;
  protected readonly lag: LagWindow;

  protected constructor(window: number, initial: readonly number[]) {
    super(initial);
    this.window = window;
    this.lag = new LagWindow(window);
  }

  override save(): void {
    this.lag.save();
    super.save();
  }

  override restore(): void {
    this.lag.restore();
    super.restore();
  }

  override reset(): void {
    this.lag.reset();
    super.reset();
  }
}
