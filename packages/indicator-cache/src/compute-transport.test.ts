import { describe, expect, it } from 'vitest';
import { SharedBufferReceiver, SharedBufferSender, type ForgetMessage, type WireArray } from './compute-transport.js';

describe('SharedBufferSender / SharedBufferReceiver', () => {
  it('sends a shared buffer once, then its id; other arrays as they are', () => {
    const sender = new SharedBufferSender(() => undefined);
    const receiver = new SharedBufferReceiver();
    const buffer = new SharedArrayBuffer(80);
    const first = sender.wire(new Float64Array(buffer, 16, 3));
    const second = sender.wire(new Float64Array(buffer, 40, 5));
    expect(first).toMatchObject({ buffer, offset: 16, length: 3 });
    expect(second).toMatchObject({ id: (first as { id: number }).id, buffer: undefined, offset: 40, length: 5 });
    const plain = new Float64Array(4);
    expect(sender.wire(plain)).toBe(plain);
    // Received in order: the second view is one of the buffer received with the first.
    receiver.array(first).fill(1);
    const view = receiver.array(second);
    expect(view.buffer).toBe(buffer);
    view[0] = 2;
    expect(new Float64Array(buffer)[5]).toBe(2);
    expect(new Float64Array(buffer)[2]).toBe(1);
    expect(new Float64Array(buffer)[1]).toBe(0);
  });

  it('gives another sender its own ids and the buffer again', () => {
    const buffer = new SharedArrayBuffer(8);
    const a = new SharedBufferSender(() => undefined);
    const b = new SharedBufferSender(() => undefined);
    a.wire(new Float64Array(buffer));
    expect(b.wire(new Float64Array(buffer))).toMatchObject({ buffer });
  });

  it('drops a forgotten buffer: a later id without its buffer is an error, not a wrong view', () => {
    const sender = new SharedBufferSender(() => undefined);
    const receiver = new SharedBufferReceiver();
    const buffer = new SharedArrayBuffer(8);
    const first = sender.wire(new Float64Array(buffer)) as Exclude<WireArray, Float64Array>;
    receiver.array(first);
    const forget: ForgetMessage = { forget: first.id };
    receiver.forget(forget);
    expect(() => receiver.array({ ...first, buffer: undefined })).toThrow(/shared buffer \d+ was never received/);
  });
});
