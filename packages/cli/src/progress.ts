import { SingleBar } from 'cli-progress';

/** Progress of a run in steps (file × indicator); a no-op when not drawing to a terminal. */
export interface Progress {
  advance(label: string): void;
  stop(): void;
}

/** The writable a progress bar draws on (a TTY stream of the process). */
export interface ProgressStream extends NodeJS.WritableStream {
  readonly isTTY?: boolean;
}

/** A cli-progress bar on a TTY when there is more than one step; otherwise nothing. */
export function createProgress(total: number, stream: ProgressStream): Progress {
  if (stream.isTTY !== true || total < 2) return { advance: () => undefined, stop: () => undefined };
  const bar = new SingleBar({
    stream: stream as NodeJS.WriteStream,
    format: 'omega-ta {bar} {value}/{total} {label}',
    hideCursor: true,
    clearOnComplete: true,
  });
  bar.start(total, 0, { label: '' });
  return {
    advance: (label) => bar.increment(1, { label }),
    stop: () => bar.stop(),
  };
}
