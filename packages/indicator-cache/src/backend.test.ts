import { describe, expect, it } from 'vitest';
import { ErrorCode, isOmegaTaError } from '@omega-ta/kernel-interface';
import { selectBackend } from './backend.js';

const broken = () => ({ kernel: null, reason: 'no binary for linux-x64-gnu' }) as const;

describe('selectBackend without a loadable native kernel', () => {
  it('falls back to TypeScript under auto and says why', () => {
    const { kernel, info } = selectBackend('auto', broken);
    expect(kernel.info.name).toBe('@omega-ta/kernels-ts');
    expect(info.active).toBe('ts');
    expect(info.reason).toContain('no binary for linux-x64-gnu');
  });

  it('fails with the reason when native is forced', () => {
    try {
      selectBackend('native', broken);
      expect.fail('selectBackend should have thrown');
    } catch (error) {
      expect(isOmegaTaError(error) && error.code).toBe(ErrorCode.UNSUPPORTED);
      expect((error as Error).message).toContain('no binary for linux-x64-gnu');
    }
  });

  it('never asks the loader when TypeScript is requested', () => {
    const { info } = selectBackend('ts', () => {
      throw new Error('the loader must not run');
    });
    expect(info.active).toBe('ts');
  });
});
