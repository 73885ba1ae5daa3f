// Compiled by the pack check against the published types only (strict, NodeNext, ESM side).
import { OmegaTaError, indicators, type ReadonlyFloat64Array } from '@omega-ta/kernel-interface';
import tsKernel from '@omega-ta/kernels-ts';
import nativeKernel, { loadNativeKernel } from '@omega-ta/kernels-native';
import { alignedFromCandles, isDataError } from '@omega-ta/arrow-schemas';
import { SymbolDataSlice } from '@omega-ta/slicer';
import { IndicatorCache, type BackendChoice } from '@omega-ta/indicator-cache';
import { parseIndicatorList, runCli, type CliIo } from '@omega-ta/cli';

const close = new Float64Array([1, 2, 3, 4, 5]);
const out = new Float64Array(close.length);
tsKernel.ema(close, { period: 2 }, out);
nativeKernel.sma(close, { period: 2 }, out);
const view: ReadonlyFloat64Array = out;
const loaded: boolean = loadNativeKernel().kernel !== null;
const backend: BackendChoice = 'ts';
const data = alignedFromCandles('H1', [0, 3_600_000], { H1: { bid: [{ close: 1 }, { close: 2 }] } });
const cache = new IndicatorCache(data, { backend });
const slice: typeof SymbolDataSlice = SymbolDataSlice;
const failed: boolean = isDataError(new Error('x')) || new Error('y') instanceof OmegaTaError;
const io: CliIo = { stdout: process.stdout, stderr: process.stderr, cwd: '.' };
const exitCode: Promise<number> = runCli(['--help'], io);
export const used = [view, loaded, cache, slice, failed, indicators.ema.name, parseIndicatorList('ema:20')[0]?.columns, exitCode] as const;
