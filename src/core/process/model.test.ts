import { describe, expect, it } from 'vitest';
import { canTransition, canTransitionParty, processStatuses } from './model.js';

describe('the process state machine', () => {
  it.each([
    ['exploratory', 'active', true],
    ['active', 'suspended', true],
    ['suspended', 'active', true],
    ['active', 'concluded_agreement', true],
    ['suspended', 'concluded_no_agreement', true],
    ['active', 'exploratory', false],
    ['exploratory', 'suspended', false],
    ['concluded_agreement', 'active', false],
  ] as const)('%s → %s is %s', (from, to, ok) => expect(canTransition(from, to)).toBe(ok));

  it('never leaves a concluded process', () => {
    for (const to of processStatuses) {
      expect(canTransition('concluded_agreement', to)).toBe(false);
      expect(canTransition('concluded_no_agreement', to)).toBe(false);
    }
  });

  it('lets a party suspend and resume, and makes withdrawal final', () => {
    expect(canTransitionParty('participating', 'suspended')).toBe(true);
    expect(canTransitionParty('suspended', 'participating')).toBe(true);
    expect(canTransitionParty('withdrawn', 'participating')).toBe(false);
  });
});
