import { describe, expect, it } from 'vitest';
import { DeliveryStatus } from '../schemas/message';
import { deliveryRank, deliveryStatusChanges, nextDeliveryStatus } from './delivery-status';

// Rows: current, incoming, stored. Every pair of the 5 × 5 table, so none is left to chance.
const TABLE: [DeliveryStatus, DeliveryStatus, DeliveryStatus][] = [
  ['queued', 'queued', 'queued'],
  ['queued', 'sent', 'sent'],
  ['queued', 'delivered', 'delivered'],
  ['queued', 'read', 'read'],
  ['queued', 'failed', 'failed'],
  ['sent', 'queued', 'sent'],
  ['sent', 'sent', 'sent'],
  ['sent', 'delivered', 'delivered'],
  ['sent', 'read', 'read'],
  ['sent', 'failed', 'failed'],
  ['delivered', 'queued', 'delivered'],
  ['delivered', 'sent', 'delivered'],
  ['delivered', 'delivered', 'delivered'],
  ['delivered', 'read', 'read'],
  ['delivered', 'failed', 'delivered'],
  ['read', 'queued', 'read'],
  ['read', 'sent', 'read'],
  ['read', 'delivered', 'read'],
  ['read', 'read', 'read'],
  ['read', 'failed', 'read'],
  ['failed', 'queued', 'failed'],
  ['failed', 'sent', 'failed'],
  ['failed', 'delivered', 'failed'],
  ['failed', 'read', 'failed'],
  ['failed', 'failed', 'failed'],
];

describe('nextDeliveryStatus', () => {
  it('covers every pair', () => {
    expect(TABLE).toHaveLength(DeliveryStatus.options.length ** 2);
  });

  it.each(TABLE)('%s + %s → %s', (current, incoming, stored) => {
    expect(nextDeliveryStatus(current, incoming)).toBe(stored);
    expect(deliveryStatusChanges(current, incoming)).toBe(stored !== current);
  });

  it.each([
    [['sent', 'read', 'delivered'], 'read'],
    [['read', 'sent', 'delivered', 'read'], 'read'],
    [['delivered', 'sent', 'sent'], 'delivered'],
    [['sent', 'failed', 'delivered'], 'failed'],
  ] as const)('webhooks in the order %o end at %s', (arrivals, final) => {
    expect(arrivals.reduce<DeliveryStatus>(nextDeliveryStatus, 'queued')).toBe(final);
  });
});

describe('deliveryRank', () => {
  it('orders progress queued < sent < delivered < read', () => {
    const { queued, sent, delivered, read } = deliveryRank;
    expect(queued).toBeLessThan(sent);
    expect(sent).toBeLessThan(delivered);
    expect(delivered).toBeLessThan(read);
    expect(new Set(Object.values(deliveryRank)).size).toBe(5);
  });
});
