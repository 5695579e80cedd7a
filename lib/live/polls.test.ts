import { describe, expect, it } from 'vitest';
import {
  castVote,
  dropVote,
  openPoll,
  pollView,
  revealPoll,
  tally,
  toPollQuestions,
  type Poll,
  type PollQuestion,
} from './polls';

const question: PollQuestion = {
  id: 'q-method',
  prompt: 'Which HTTP method does the token request use?',
  options: [
    { id: 'a', text: 'GET' },
    { id: 'b', text: 'POST' },
    { id: 'c', text: 'PUT' },
  ],
  answer: 'b',
};

function vote(poll: Poll, follower: string, option: string): Poll {
  const result = castVote(poll, poll.id, follower, option);
  if (!result.ok) throw new Error(result.error);
  return result.poll;
}

describe('polls', () => {
  it('counts one vote per follower, and a changed vote replaces the old one', () => {
    let poll = openPoll('p1', question, 0);
    poll = vote(poll, 'f1', 'a');
    poll = vote(poll, 'f2', 'b');
    poll = vote(poll, 'f1', 'b');
    expect(poll.votes.size).toBe(2);
    expect(tally(poll)).toEqual([0, 2, 0]);
  });

  it('refuses options the question does not have', () => {
    const poll = openPoll('p1', question, 0);
    expect(castVote(poll, 'p1', 'f1', 'z')).toEqual({ ok: false, error: 'unknown_option' });
  });

  it('refuses votes for a poll that is not the current one', () => {
    const poll = openPoll('p2', question, 0);
    expect(castVote(poll, 'p1', 'f1', 'a')).toEqual({ ok: false, error: 'stale_poll' });
  });

  it('freezes votes once revealed', () => {
    const poll = revealPoll(vote(openPoll('p1', question, 0), 'f1', 'a'));
    expect(castVote(poll, 'p1', 'f1', 'b')).toEqual({ ok: false, error: 'poll_revealed' });
    expect(castVote(poll, 'p1', 'f2', 'b')).toEqual({ ok: false, error: 'poll_revealed' });
    expect(dropVote(poll, 'f1').votes.size).toBe(1);
  });

  it('hides the answer and the counts until the reveal', () => {
    const open = vote(vote(openPoll('p1', question, 0), 'f1', 'a'), 'f2', 'b');
    const before = pollView(open);
    expect(before.votes).toBe(2);
    expect(before.tally).toBeUndefined();
    expect(before.correct).toBeUndefined();
    expect(JSON.stringify(before)).not.toContain('"answer"');
    const after = pollView(revealPoll(open));
    expect(after.status).toBe('revealed');
    expect(after.tally).toEqual([1, 1, 0]);
    expect(after.correct).toBe('b');
  });

  it('drops a departing follower’s vote while the poll is open', () => {
    const poll = dropVote(vote(openPoll('p1', question, 0), 'f1', 'a'), 'f1');
    expect(tally(poll)).toEqual([0, 0, 0]);
  });
});

describe('toPollQuestions', () => {
  it('keeps what a poll shows and drops teaching material', () => {
    const [q] = toPollQuestions([
      { ...question, hint: 'secret hint', solution: ['x'] } as PollQuestion,
    ]);
    expect(q).toEqual(question);
    expect(JSON.stringify(q)).not.toContain('secret hint');
  });
});
