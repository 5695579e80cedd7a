/**
 * The Lua scripts of the Redis room store, one per operation, so each operation is atomic
 * across instances. Every script gets KEYS[1] = the room's hash (`flowlab:room:<id>`), KEYS[2] =
 * the index of open rooms (a sorted set scored by last presenter activity), and ARGV[1..6] =
 * now, the idle limit, the events channel, the room id, the follower idle limit and the join
 * grace; its own arguments follow from ARGV[7]. The room's other keys are named after its hash
 * (`:f` followers, `:c` open streams with their lease, `:v` votes, `:j` each caller's seats in
 * its window as `count|resetAt`), so standalone Redis only.
 * A script answers `{1, ...}` or `{0, error}`.
 */

import { PRELUDE } from './redis-room-prelude';

const script = (body: string) => `${PRELUDE}\n${body}`;

/** ARGV 7-12: key hash, lesson, scenario, step, max rooms, join burst. */
export const CREATE = script(`
if redis.call('EXISTS', R) == 1 then return {0, 'collision'} end
if redis.call('ZCOUNT', ROOMS, now - idle, '+inf') >= tonumber(ARGV[11]) then
  return {0, 'too_many_rooms'}
end
redis.call('HSET', R, 'k', ARGV[7], 'lesson', ARGV[8], 'sc', ARGV[9], 'st', ARGV[10], 'j', '1',
  'v', '1', 'la', now, 'pc', '0', 'tk', ARGV[12], 'tr', now)
redis.call('ZADD', ROOMS, now, id)
keep()
return {1, view()}
`);

/** The public state (an idle room ends here). */
export const VIEW = script(`
if not find() then return {0, 'not_found'} end
return {1, view()}
`);

/**
 * ARGV 7-: key hash, operation, its arguments. `check` only checks the key; every other
 * operation (touch, move, joining, open, reveal, closepoll, close) is presenter activity.
 */
export const PRESENTER = script(`
if not find() then return {0, 'not_found'} end
if redis.call('HGET', R, 'k') ~= ARGV[7] then return {0, 'forbidden'} end
if ARGV[8] == 'check' then return {1} end
redis.call('HSET', R, 'la', now)
redis.call('ZADD', ROOMS, now, id)
keep()
local op = ARGV[8]
if op == 'touch' then return {1} end
if op == 'close' then endRoom('closed'); return {1} end
if op == 'move' then
  if redis.call('HGET', R, 'sc') ~= ARGV[9] or redis.call('HGET', R, 'st') ~= ARGV[10] then
    redis.call('HSET', R, 'sc', ARGV[9], 'st', ARGV[10])
    changed()
  end
elseif op == 'joining' then
  if redis.call('HGET', R, 'j') ~= ARGV[9] then
    redis.call('HSET', R, 'j', ARGV[9])
    changed()
  end
elseif op == 'open' then
  local n = redis.call('HINCRBY', R, 'pc', 1)
  redis.call('HSET', R, 'pid', id .. '-' .. n, 'pq', ARGV[9], 'ps', 'open', 'po', now)
  redis.call('DEL', V)
  changed()
else
  if not redis.call('HGET', R, 'pid') then return {0, 'no_poll'} end
  if op == 'reveal' then
    redis.call('HSET', R, 'ps', 'revealed')
  else
    redis.call('HDEL', R, 'pid', 'pq', 'ps', 'po')
    redis.call('DEL', V)
  end
  changed()
end
return {1, view()}
`);

/**
 * ARGV 7-15: follower id, its key hash, max per room, max in all rooms, burst, joins per second,
 * the caller, its seats per window, the window in ms. Only a seat counts against the caller.
 */
export const JOIN = script(`
if not find() then return {0, 'not_found'} end
local total = 0
for _, rid in ipairs(redis.call('ZRANGEBYSCORE', ROOMS, now - idle, '+inf')) do
  total = total + redis.call('HLEN', PREFIX .. rid .. ':f')
end
if total >= tonumber(ARGV[10]) then return {0, 'server_full'} end
if redis.call('HGET', R, 'j') ~= '1' then return {0, 'joining_closed'} end
if prune() then changed() end
if redis.call('HLEN', F) >= tonumber(ARGV[9]) then return {0, 'room_full'} end
local caller, seats, reset = ARGV[13], 0, now + tonumber(ARGV[15])
local mine = redis.call('HGET', J, caller)
if mine then
  local n, r = string.match(mine, '^(%d+)|(%d+)$')
  if tonumber(r) > now then seats, reset = tonumber(n), tonumber(r) end
end
-- before the room's rate: a refused script must not use up the class's joins
if seats >= tonumber(ARGV[14]) then return {0, 'too_many_joins'} end
local burst, rate = tonumber(ARGV[11]), tonumber(ARGV[12])
local tk = tonumber(redis.call('HGET', R, 'tk'))
local tr = tonumber(redis.call('HGET', R, 'tr'))
tk = math.min(burst, tk + math.max(0, now - tr) / 1000 * rate)
redis.call('HSET', R, 'tk', tostring(tk), 'tr', now)
if tk < 1 then return {0, 'too_many_joins'} end
if redis.call('HEXISTS', F, ARGV[7]) == 1 then return {0, 'collision'} end
redis.call('HSET', R, 'tk', tostring(tk - 1))
redis.call('HSET', F, ARGV[7], ARGV[8] .. '|' .. now .. '|0')
redis.call('HSET', J, caller, (seats + 1) .. '|' .. reset)
local ttl = redis.call('PTTL', R)
redis.call('PEXPIRE', F, ttl)
redis.call('PEXPIRE', J, ttl)
return {1}
`);

/** ARGV 7-11: follower id, key hash, operation (verify, vote, leave), poll id, option id. */
export const FOLLOWER = script(`
if not find() then return {0, 'not_found'} end
local fid = ARGV[7]
local f = redis.call('HGET', F, fid)
if not f then return {0, 'unknown_follower'} end
local key, _, ever = parse(f)
if key ~= ARGV[8] then return {0, 'unknown_follower'} end
local op = ARGV[9]
if op == 'verify' then return {1} end
local present = live()
if op == 'leave' then
  redis.call('HDEL', F, fid)
  local voted = redis.call('HGET', R, 'ps') == 'open' and redis.call('HDEL', V, fid) == 1
  if present[fid] or voted then return {1, 1} end
  return {1, 0}
end
if not present[fid] then return {0, 'not_following'} end
local pid = redis.call('HGET', R, 'pid')
if not pid then return {0, 'no_poll'} end
if pid ~= ARGV[10] then return {0, 'stale_poll'} end
if redis.call('HGET', R, 'ps') ~= 'open' then return {0, 'poll_revealed'} end
local known = false
for _, o in ipairs(cjson.decode(redis.call('HGET', R, 'pq')).options) do
  if o.id == ARGV[11] then known = true end
end
if not known then return {0, 'unknown_option'} end
local added = redis.call('HSET', V, fid, ARGV[11])
redis.call('PEXPIRE', V, redis.call('PTTL', R))
redis.call('HSET', F, fid, key .. '|' .. now .. '|' .. ever)
return {1, added}
`);

/**
 * ARGV 7-12: stream member (`<follower>|<stream>`), its lease end, follower id or '', max
 * followers' streams, max streams of one follower, max watchers (streams without a follower).
 */
export const CONNECT = script(`
if not find() then return {0, 'not_found'} end
local fid = ARGV[9]
local f = false
if fid ~= '' then
  f = redis.call('HGET', F, fid)
  if not f then return {0, 'unknown_follower'} end
end
local present, _, streams = live()
local mine, watchers = 0, 0
for _, m in ipairs(redis.call('ZRANGE', C, 0, -1)) do
  local owner = string.match(m, '^([^|]*)|')
  if owner == '' then watchers = watchers + 1 elseif owner == fid then mine = mine + 1 end
end
if fid == '' then
  if watchers >= tonumber(ARGV[12]) then return {0, 'too_many_streams'} end
else
  if mine >= tonumber(ARGV[11]) then return {0, 'too_many_streams'} end
  if streams - watchers >= tonumber(ARGV[10]) then return {0, 'room_full'} end
end
redis.call('ZADD', C, ARGV[8], ARGV[7])
redis.call('PEXPIRE', C, redis.call('PTTL', R))
if not f then return {1, 0} end
local key = parse(f)
redis.call('HSET', F, fid, key .. '|' .. now .. '|1')
if present[fid] then return {1, 0} end
return {1, 1}
`);

/** ARGV 7-8: stream member, follower id or ''; answers whether the present count changed. */
export const DISCONNECT = script(`
if redis.call('ZREM', C, ARGV[7]) == 0 then return {1, 0} end
local fid = ARGV[8]
if fid == '' then return {1, 0} end
local f = redis.call('HGET', F, fid)
if not f then return {1, 0} end
local key, _, ever = parse(f)
redis.call('HSET', F, fid, key .. '|' .. now .. '|' .. ever)
local present = live()
if present[fid] then return {1, 0} end
return {1, 1}
`);

/** ARGV 7-: the lease end, then this instance's stream members of the room. */
export const REFRESH = script(`
if not find() then return {0, 'not_found'} end
for i = 8, #ARGV do redis.call('ZADD', C, ARGV[7], ARGV[i]) end
redis.call('PEXPIRE', C, redis.call('PTTL', R))
return {1}
`);

/** A coalesced change (presence, vote counts): version + 1 and publish, if the room exists. */
export const BUMP = script(`
if redis.call('EXISTS', R) == 1 then changed() end
return {1}
`);

/** Ends idle rooms (listeners hear `expired`), forgets long-gone followers; answers the count. */
export const SWEEP = script(`
local ended = 0
for _, rid in ipairs(redis.call('ZRANGE', ROOMS, 0, -1)) do
  at(rid)
  if not find() then
    redis.call('ZREM', ROOMS, rid)
    ended = ended + 1
  elseif prune() then
    changed()
  end
end
return {1, ended}
`);
