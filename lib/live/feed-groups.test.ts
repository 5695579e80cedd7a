import { describe, expect, it } from 'vitest';
import type { FeedItem } from './feed';
import { GROUP_GAP_MS, groupFeedItems } from './feed-groups';

let nextId = 1000;
/** A feed item: a successful token request of `abc` unless told otherwise. */
function item(at: number, over: object = {}): FeedItem {
  return {
    id: nextId--,
    at,
    endpoint: 'token',
    method: 'POST',
    path: '/token',
    clientId: 'abc',
    clientVerified: true,
    status: 200,
    durationMs: 3,
    checks: [{ id: 'client-known', ok: true }],
    ...over,
  } as FeedItem;
}

const ids = (groups: ReturnType<typeof groupFeedItems>) =>
  groups.map((g) => g.items.map((i) => i.id));

describe('groupFeedItems', () => {
  it('a room following a step: 31 alike requests within a second are one row of 31', () => {
    const burst = Array.from({ length: 31 }, (_, i) => item(100_000 - i * 30));
    const groups = groupFeedItems(burst);
    expect(groups).toHaveLength(1);
    expect(groups[0]!.items).toHaveLength(31);
    expect(groups[0]!.newest).toBe(burst[0]);
  });

  it('requests that differ in what the row shows are rows of their own', () => {
    const at = 50_000;
    const variants: object[] = [
      {},
      { clientId: 'reporting-bot' },
      { status: 401, error: 'invalid_client', checks: [{ id: 'client-known', ok: false }] },
      { endpoint: 'api', method: 'GET', path: '/api/data' },
      { clientVerified: false },
      {
        checks: [
          { id: 'client-known', ok: true },
          { id: 'grant-type', ok: true },
        ],
      },
    ];
    const items = variants.map((v, i) => item(at - i, v));
    expect(groupFeedItems(items)).toHaveLength(variants.length);
  });

  it('only neighbours merge: a request of another kind in between keeps the order they came in', () => {
    // 200, 200, then a 401, then 200 again (newest first): three rows, in that order
    const refused = {
      status: 401,
      error: 'invalid_client',
      checks: [{ id: 'client-known', ok: false }],
    };
    const items = [item(10_005), item(10_004), item(10_003, refused), item(10_002), item(10_001)];
    const groups = groupFeedItems(items);
    expect(groups.map((g) => [g.newest.status, g.items.length])).toEqual([
      [200, 2],
      [401, 1],
      [200, 2],
    ]);
  });

  it('requests alike but for what their checks passed with (Basic or body, the scope) are apart', () => {
    const basic = { checks: [{ id: 'client-auth', ok: true, detail: 'client_secret_basic' }] };
    const body = { checks: [{ id: 'client-auth', ok: true, detail: 'client_secret_post' }] };
    const items = [item(20_003, basic), item(20_002, body), item(20_001, body)];
    expect(groupFeedItems(items).map((g) => g.items.length)).toEqual([1, 2]);
    // a failure's own words may hold a time: failures of one check are alike whatever they say
    const late = (detail: string) => ({
      status: 401,
      error: 'invalid_client',
      checks: [{ id: 'assertion-time', ok: false, detail }],
    });
    expect(
      groupFeedItems([
        item(30_002, late('expired 3 s ago')),
        item(30_001, late('expired 4 s ago')),
      ]),
    ).toHaveLength(1);
  });

  it('the same request after a pause longer than the gap starts a new row', () => {
    const items = [
      item(100_000),
      item(100_000 - GROUP_GAP_MS - 1),
      item(100_000 - GROUP_GAP_MS - 2),
    ];
    expect(ids(groupFeedItems(items))).toEqual([[items[0]!.id], [items[1]!.id, items[2]!.id]]);
  });

  it('a steady trickle, each within the gap of the last, stays one row', () => {
    const items = Array.from({ length: 10 }, (_, i) => item(1_000_000 - i * (GROUP_GAP_MS - 1)));
    expect(groupFeedItems(items)).toHaveLength(1);
  });

  it('no items, no rows; and every item is in exactly one row, in order', () => {
    expect(groupFeedItems([])).toEqual([]);
    const items = [
      item(9),
      item(8, { clientId: 'x' }),
      item(7),
      item(6, { clientId: 'x' }),
      item(5),
    ];
    const groups = groupFeedItems(items);
    expect(
      groups
        .flatMap((g) => g.items)
        .map((i) => i.id)
        .sort(),
    ).toEqual(items.map((i) => i.id).sort());
    for (const g of groups) expect(g.items[0]).toBe(g.newest);
  });
});
