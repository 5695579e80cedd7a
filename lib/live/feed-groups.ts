/**
 * Rows of the presenter's feed: requests alike, sent close together, make one row. When a room
 * follows a step, every follower's page sends the step's request too, so 30 followers add 30
 * identical rows ("POST /token, client abc, 200") and push everything else off the projector.
 * One row saying "×31" says the same, and what the class did stays in view.
 */
import type { FeedItem } from './feed';

/** Requests alike this close together (the gap between neighbours) share a row. */
export const GROUP_GAP_MS = 10_000;

/** One row of the feed: its newest request, and every request the row stands for, newest first. */
export interface FeedGroup {
  readonly newest: FeedItem;
  readonly items: readonly FeedItem[];
}

/**
 * What makes two requests alike on the projector: the line the row prints (endpoint, method,
 * path, client, status and error) and what its checks say: each passed check with its detail
 * (the authentication method, the scope granted, the key), and which check failed. A failed
 * check's detail is left out (it can hold a time: "expired 3 s ago"), and so is the
 * credential: each follower sends its own token.
 */
function likeness(item: FeedItem): string {
  return JSON.stringify([
    item.endpoint,
    item.method,
    item.path,
    item.clientId,
    item.clientVerified,
    item.status,
    item.error ?? null,
    item.checks.map((c) => (c.ok ? [c.id, c.detail ?? null] : [c.id, false])),
  ]);
}

/**
 * Groups `items` (newest first) into rows: a request joins the row above it when it is alike
 * and came at most `gapMs` before that row's oldest, so a burst is one row however long it runs,
 * and the same request an hour later is a row of its own. Only neighbours merge: a request of
 * another kind in between starts a new row, so the rows keep the order the requests came in.
 */
export function groupFeedItems(
  items: readonly FeedItem[],
  gapMs: number = GROUP_GAP_MS,
): FeedGroup[] {
  const rows: { newest: FeedItem; items: FeedItem[]; oldestAt: number; key: string }[] = [];
  for (const item of items) {
    const key = likeness(item);
    const row = rows.at(-1);
    if (row && row.key === key && row.oldestAt - item.at <= gapMs) {
      row.items.push(item);
      row.oldestAt = item.at;
    } else {
      rows.push({ newest: item, items: [item], oldestAt: item.at, key });
    }
  }
  return rows.map(({ newest, items: members }) => ({ newest, items: members }));
}
