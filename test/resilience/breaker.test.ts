import { describe, expect, it } from 'vitest';
import { createBreaker } from '../../src/resilience/breaker.ts';

describe('circuit breaker', () => {
  it('opens after repeated failures, lets one trial through later, and closes when it succeeds', () => {
    let now = 0;
    const changes: string[] = [];
    const b = createBreaker(
      'ghl',
      { failureThreshold: 3, halfOpenAfterMs: 1000 },
      { now: () => now, onChange: (_, s) => changes.push(s) },
    );
    for (let i = 0; i < 2; i++) {
      expect(b.allow()).toBe(true);
      b.failure();
    }
    expect(b.state()).toBe('closed');
    b.failure();
    expect(b.state()).toBe('open');
    expect(b.allow()).toBe(false);
    now = 1000;
    expect(b.state()).toBe('half_open');
    expect(b.allow()).toBe(true);
    expect(b.allow()).toBe(false); // only one trial at a time
    b.success();
    expect(b.state()).toBe('closed');
    expect(changes).toEqual(['open', 'half_open', 'closed']);
  });

  it('reopens when the trial call fails, and a success resets the failure count', () => {
    let now = 0;
    const b = createBreaker('claude', { failureThreshold: 2, halfOpenAfterMs: 500 }, { now: () => now });
    b.failure();
    b.success();
    b.failure();
    expect(b.state()).toBe('closed');
    b.failure();
    expect(b.state()).toBe('open');
    now = 600;
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.state()).toBe('open');
    expect(b.allow()).toBe(false);
  });

  it('tells how long until an open circuit lets its trial through', () => {
    let now = 0;
    const b = createBreaker('ghl', { failureThreshold: 1, halfOpenAfterMs: 1000 }, { now: () => now });
    expect(b.retryInMs()).toBe(0);
    b.failure();
    now = 250;
    expect(b.retryInMs()).toBe(750);
    now = 1000;
    expect(b.retryInMs()).toBe(0);
    expect(b.allow()).toBe(true);
    b.failure();
    expect(b.retryInMs()).toBe(1000);
  });
});
