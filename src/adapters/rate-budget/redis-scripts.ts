// Lua run atomically by Redis, timed by the Redis server's clock so replicas with drifting clocks
// agree. Keys of one budget share a prefix; `log`, `pause`, `day` and `dayreport` are per location,
// `epoch`, `cold`, `recovering`, `last` and `replicas` are shared by every location.

/** Positions of the keys `takeScript` reads. */
export const takeKeys = [
  'log',
  'pause',
  'day',
  'dayreport',
  'epoch',
  'cold',
  'recovering',
  'last',
  'replicas',
] as const;

/**
 * One request's slot: a sliding log in a sorted set (GHL counts over a sliding window; a fixed one
 * would let twice the budget through across a boundary) plus a rolling day in five-minute buckets.
 * ARGV: points, window, member, replica id, known epoch, new epoch, share, daily limit (0 = none),
 * bucket ms, bucket count, replica ttl, quiet ms (how long a replica's fallback waits first),
 * report ttl.
 * Returns {code, ms, epoch, daily remaining, daily limit, replicas seen}: code 0 granted, 1 wait
 * `ms`, 2 the day is used up for `ms`, 3 Redis is not the one the replica knew (its log first).
 */
export const takeScript = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window = tonumber(ARGV[2])
local epoch = redis.call('get', KEYS[5])
local fresh = not epoch
if fresh then
  epoch = ARGV[6]
  redis.call('set', KEYS[5], epoch)
  -- An empty Redis that started less than a window ago lost the grants made before it started,
  -- and those may still be in GHL's window: nobody takes until they have left it. Replicas may
  -- also still be on their fallback shares (reconnecting takes a while): for a window after that,
  -- each replica keeps to its share.
  local up = tonumber(string.match(redis.call('info', 'server'), 'uptime_in_seconds:(%d+)')) or 0
  local cold = window - up * 1000
  if cold > 0 then redis.call('set', KEYS[6], '1', 'PX', cold) end
  redis.call('set', KEYS[7], '1', 'PX', math.max(cold, 0) + window)
end
if ARGV[5] ~= '' and ARGV[5] ~= epoch then return {3, 0, epoch, -1, -1, 0} end
local ttl = tonumber(ARGV[11])
redis.call('zadd', KEYS[9], now, ARGV[4])
redis.call('zremrangebyscore', KEYS[9], '-inf', now - ttl)
redis.call('pexpire', KEYS[9], ttl)
local replicas = redis.call('zcard', KEYS[9])
-- Nobody reached Redis for longer than a replica's fallback stays quiet: replicas may have sent on
-- their fallback shares, which this log does not hold yet. Until a window has passed, each replica
-- keeps to its share.
local last = tonumber(redis.call('get', KEYS[8]) or '0')
if not fresh and now - last > tonumber(ARGV[12]) and redis.call('pttl', KEYS[7]) < window then
  redis.call('set', KEYS[7], '1', 'PX', window)
end
redis.call('set', KEYS[8], now, 'PX', ttl)
local held = math.max(redis.call('pttl', KEYS[2]), redis.call('pttl', KEYS[6]))
if held > 0 then return {1, held, epoch, -1, -1, replicas} end
local remaining, limit, told, untilMs = -1, -1, nil, 0
local dailyLimit = tonumber(ARGV[8])
local bucketMs, buckets = tonumber(ARGV[9]), tonumber(ARGV[10])
local cur = math.floor(now / bucketMs)
if dailyLimit > 0 then
  local flat = redis.call('hgetall', KEYS[3])
  local used, oldest = 0, nil
  for i = 1, #flat, 2 do
    local idx = tonumber(flat[i])
    if idx < cur - buckets then
      redis.call('hdel', KEYS[3], flat[i])
    else
      used = used + tonumber(flat[i + 1])
      if not oldest or idx < oldest then oldest = idx end
    end
  end
  limit = dailyLimit
  local report = redis.call('hmget', KEYS[4], 'remaining', 'limit', 'until')
  if report[2] then limit = math.min(limit, tonumber(report[2])) end
  remaining = limit - used
  told = report[1] and tonumber(report[1])
  untilMs = tonumber(report[3] or '0')
  if told and told <= 0 then
    -- GHL said none are left: one request every report ttl asks again.
    if now < untilMs then return {2, untilMs - now, epoch, 0, limit, replicas} end
    remaining = 0
  elseif told and now < untilMs then
    remaining = math.min(remaining, told)
  end
  if used >= limit then
    return {2, math.max(1, ((oldest or cur) + buckets + 1) * bucketMs - now), epoch, 0, limit, replicas}
  end
end
redis.call('zremrangebyscore', KEYS[1], '-inf', now - window)
if redis.call('zcard', KEYS[1]) >= tonumber(ARGV[1]) then
  local oldest = redis.call('zrange', KEYS[1], 0, 0, 'WITHSCORES')
  return {1, math.max(1, tonumber(oldest[2]) + window - now), epoch, -1, -1, replicas}
end
local recovering = redis.call('pttl', KEYS[7])
if recovering > 0 then
  local entries = redis.call('zrange', KEYS[1], 0, -1, 'WITHSCORES')
  local tag = ARGV[4] .. ':'
  local mine, first = 0, nil
  for i = 1, #entries, 2 do
    if string.sub(entries[i], 1, #tag) == tag then
      mine = mine + 1
      if not first then first = tonumber(entries[i + 1]) end
    end
  end
  if mine >= tonumber(ARGV[7]) then
    return {1, math.max(1, math.min(recovering, first + window - now)), epoch, -1, -1, replicas}
  end
end
redis.call('zadd', KEYS[1], now, ARGV[3])
redis.call('pexpire', KEYS[1], window)
if dailyLimit > 0 then
  redis.call('hincrby', KEYS[3], cur, 1)
  redis.call('pexpire', KEYS[3], (buckets + 1) * bucketMs)
  if told and told <= 0 then
    redis.call('hset', KEYS[4], 'until', now + tonumber(ARGV[13]))
  elseif told and now < untilMs then
    redis.call('hincrby', KEYS[4], 'remaining', -1)
  end
  remaining = math.max(0, remaining - 1)
end
return {0, 0, epoch, remaining, limit, replicas}`;

/**
 * Writes what one replica sent while Redis was away (or lost its data) into the shared log.
 * KEYS: log, day. ARGV: window, bucket ms, bucket count, n, then n pairs (member, age
 * ms) for the window, then pairs (age ms, count) for the day. Ages, not times, so the replica's
 * clock never has to agree with Redis's. Members already present keep their place (NX), so sending
 * the same grants twice counts them once.
 */
export const reconcileScript = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local window, bucketMs, buckets = tonumber(ARGV[1]), tonumber(ARGV[2]), tonumber(ARGV[3])
local n = tonumber(ARGV[4])
local i = 5
for _ = 1, n do
  local score = now - tonumber(ARGV[i + 1])
  if score > now - window then redis.call('zadd', KEYS[1], 'NX', score, ARGV[i]) end
  i = i + 2
end
redis.call('pexpire', KEYS[1], window)
local first = math.floor(now / bucketMs) - buckets
while i + 1 <= #ARGV do
  local idx = math.floor((now - tonumber(ARGV[i])) / bucketMs)
  if idx >= first then
    redis.call('hincrby', KEYS[2], idx, tonumber(ARGV[i + 1]))
    redis.call('pexpire', KEYS[2], (buckets + 1) * bucketMs)
  end
  i = i + 2
end
return 1`;

/**
 * A replica is back from its fallback (or found Redis emptied): others may still be on theirs, so
 * for one window every replica keeps to its share. KEYS: recovering. ARGV: window.
 */
export const recoverScript = `
if redis.call('pttl', KEYS[1]) < tonumber(ARGV[1]) then redis.call('set', KEYS[1], '1', 'PX', ARGV[1]) end
return 1`;

/** Extends a pause but never shortens one another replica set for longer. */
export const pauseScript = `
local ttl = redis.call('pttl', KEYS[1])
if ttl < tonumber(ARGV[1]) then
  redis.call('set', KEYS[1], '1', 'PX', ARGV[1])
end
return 1`;

/**
 * GHL's word on the day, trusted until `until` (a 0 holds requests until then). KEYS: dayreport.
 * ARGV: remaining, limit ('' = not said), report ttl, key ttl.
 */
export const observeDailyScript = `
local t = redis.call('time')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
redis.call('hset', KEYS[1], 'remaining', ARGV[1], 'until', now + tonumber(ARGV[3]))
if ARGV[2] ~= '' then redis.call('hset', KEYS[1], 'limit', ARGV[2]) else redis.call('hdel', KEYS[1], 'limit') end
redis.call('pexpire', KEYS[1], ARGV[4])
return 1`;
