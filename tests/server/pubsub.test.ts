/**
 * P3: the server's pub/sub coalesces state updates per match (server/app.ts CoalescingPubSub):
 * only the latest update of a burst reaches the clients, carrying every log entry of the burst,
 * and other messages keep their order.
 */
import { describe, expect, it } from 'vitest';
import { CoalescingPubSub } from '../../server/app';

const update = (stateID: number, log: string[]) => ({
  type: 'update',
  args: ['m1', { _stateID: stateID, deltalog: log }],
});
const tick = () => new Promise((resolve) => setImmediate(resolve));

describe('CoalescingPubSub (P3)', () => {
  it('P3 delivers one update per burst: the latest state with the log of every update in it', async () => {
    const pubSub = new CoalescingPubSub();
    const got: unknown[] = [];
    pubSub.subscribe('MATCH-m1', (p) => got.push(p));
    pubSub.publish('MATCH-m1', update(1, ['a']));
    pubSub.publish('MATCH-m1', update(2, ['b']));
    pubSub.publish('MATCH-m1', update(3, ['c', 'd']));
    expect(got).toEqual([]);
    await tick();
    expect(got).toEqual([update(3, ['a', 'b', 'c', 'd'])]);
    expect(pubSub.counts).toEqual({ published: 3, delivered: 1 });
    // The next burst starts afresh.
    pubSub.publish('MATCH-m1', update(4, ['e']));
    await tick();
    expect(got.at(-1)).toEqual(update(4, ['e']));
  });

  it('P3 keeps matches apart and delivers other messages at once, after the pending update', async () => {
    const pubSub = new CoalescingPubSub();
    const one: unknown[] = [];
    const two: unknown[] = [];
    pubSub.subscribe('MATCH-m1', (p) => one.push(p));
    pubSub.subscribe('MATCH-m2', (p) => two.push(p));
    pubSub.publish('MATCH-m1', update(1, ['a']));
    pubSub.publish('MATCH-m2', update(7, ['x']));
    const chat = { type: 'chat', args: ['m1', { id: 'c' }] };
    pubSub.publish('MATCH-m1', chat);
    expect(one).toEqual([update(1, ['a']), chat]);
    expect(two).toEqual([]);
    await tick();
    expect(one).toHaveLength(2);
    expect(two).toEqual([update(7, ['x'])]);
  });

  it('P3 drops the pending update of a match whose last client left', async () => {
    const pubSub = new CoalescingPubSub();
    const got: unknown[] = [];
    pubSub.subscribe('MATCH-m1', (p) => got.push(p));
    pubSub.publish('MATCH-m1', update(1, []));
    pubSub.unsubscribeAll('MATCH-m1');
    await tick();
    expect(got).toEqual([]);
  });
});
