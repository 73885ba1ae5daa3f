import { LagWindow } from './lag-window.js';
import { ScalarState } from './scalar-state.js';

/**
 * A {@link ScalarState} over a fixed window: its {@link LagWindow} (a second part) hands each
 * push the value that leaves the window.
 */
export abstract class WindowedState extends ScalarState {
  protected readonly window: number;
  protected readonly lag: LagWindow;

  protected constructor(window: number, initial: readonly number[]) {
    const lag = new LagWindow(window);
    super(initial, [lag]);
    this.window = window;
    this.lag = lag;
  }
}
