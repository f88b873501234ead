import { describe, expect, it } from 'vitest';
import { typeMatches } from './realtimeSocket';

describe('realtime subscriptions', () => {
  it('take their exact type, a family or everything', () => {
    expect(typeMatches('task.reminder', 'task.reminder')).toBe(true);
    expect(typeMatches('call.*', 'call.ringing')).toBe(true);
    expect(typeMatches('call.*', 'callx.ringing')).toBe(false);
    expect(typeMatches('call.*', 'task.reminder')).toBe(false);
    expect(typeMatches('*', 'hello')).toBe(true);
  });
});
