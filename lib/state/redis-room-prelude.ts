/**
 * The Lua helpers every room script starts with (`redis-room-scripts.ts` describes the keys
 * and arguments): finding a room (and ending it once idle for too long), presence from the
 * streams' leases, forgetting long-gone followers with their open votes, the raw view, and a
 * change: the version goes up and the new view is published (`<room>|state|<view as JSON>`), so
 * no instance has to read it back.
 */

/** Shared helpers: finding (and expiring) the room, presence from the leases, pruning, views. */
export const PRELUDE = `
local R, ROOMS = KEYS[1], KEYS[2]
local now, idle, CHANNEL, id = tonumber(ARGV[1]), tonumber(ARGV[2]), ARGV[3], ARGV[4]
local followerIdle, grace = tonumber(ARGV[5]), tonumber(ARGV[6])
local PREFIX = string.sub(R, 1, #R - #id)
local F, C, V, J = R .. ':f', R .. ':c', R .. ':v', R .. ':j'
local function at(rid)
  id = rid; R = PREFIX .. rid; F = R .. ':f'; C = R .. ':c'; V = R .. ':v'; J = R .. ':j'
end
local function publish(kind)
  redis.call('PUBLISH', CHANNEL, id .. '|' .. kind)
end
local function endRoom(reason)
  redis.call('DEL', R, F, C, V, J)
  redis.call('ZREM', ROOMS, id)
  publish('closed|' .. reason)
end
local function keep()
  local ttl = idle + 60000
  for _, k in ipairs({R, F, C, V, J}) do redis.call('PEXPIRE', k, ttl) end
end
local function find()
  local la = redis.call('HGET', R, 'la')
  if not la then return false end
  if now - tonumber(la) > idle then endRoom('expired'); return false end
  return true
end
local function parse(f)
  return string.match(f, '^([^|]*)|([^|]*)|(%d)$')
end
local function live()
  redis.call('ZREMRANGEBYSCORE', C, '-inf', '(' .. now)
  local members = redis.call('ZRANGE', C, 0, -1)
  local present, n = {}, 0
  for _, m in ipairs(members) do
    local fid = string.match(m, '^([^|]*)|')
    if fid ~= '' and not present[fid] and redis.call('HEXISTS', F, fid) == 1 then
      present[fid] = true
      n = n + 1
    end
  end
  return present, n, #members
end
local function prune()
  local present = live()
  local all = redis.call('HGETALL', F)
  local open = redis.call('HGET', R, 'ps') == 'open'
  local dropped = false
  for i = 1, #all, 2 do
    local fid = all[i]
    if not present[fid] then
      local _, seen, ever = parse(all[i + 1])
      local limit = followerIdle
      if ever ~= '1' then limit = math.min(grace, followerIdle) end
      if now - tonumber(seen) > limit then
        redis.call('HDEL', F, fid)
        if open and redis.call('HDEL', V, fid) == 1 then dropped = true end
      end
    end
  end
  local seats = redis.call('HGETALL', J)
  for i = 1, #seats, 2 do
    if tonumber(string.match(seats[i + 1], '|(%d+)$')) <= now then redis.call('HDEL', J, seats[i]) end
  end
  return dropped
end
local function view()
  local _, n = live()
  return {redis.call('HGETALL', R), n, redis.call('HGETALL', V)}
end
local function changed()
  redis.call('HINCRBY', R, 'v', 1)
  publish('state|' .. cjson.encode(view()))
end
`;
