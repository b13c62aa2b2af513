-- Evaluates every limit of one call and charges them all, or none, atomically, on the Redis server's clock.
-- KEYS[i]: the i-th limit's bucket. ARGV[1]: the number of limits, then three arguments per limit:
--   'r', emission interval (µs), tolerance (µs)         a GCRA rate limit: the key holds the theoretical arrival time
--   'q', limit, window end (µs since the epoch, 0: none) a quota: the key counts the uses in the window
-- ARGV[2 + 3n]: how many units to take (1 per call; a hybrid gateway leases several; it then gets as many as fit).
-- Returns {granted, retry after (µs), index of the first limit without room (0: none), then per limit: remaining, reset (µs)}.
local time = redis.call('TIME')
local now = tonumber(time[1]) * 1000000 + tonumber(time[2])
local count = tonumber(ARGV[1])
local wanted = tonumber(ARGV[2 + 3 * count])
local granted = wanted
local refused = 0
local retry = 0
local state = {}
for i = 1, count do
  local kind = ARGV[3 * i - 1]
  local a = tonumber(ARGV[3 * i])
  local b = tonumber(ARGV[3 * i + 1])
  local stored = tonumber(redis.call('GET', KEYS[i]) or '0')
  local room
  if kind == 'r' then
    local due = math.max(stored, now)
    state[i] = due
    room = math.floor((now + b - due) / a) + 1
    if room < 1 and refused == 0 then
      refused = i
      retry = due - b - now
    end
  else
    state[i] = stored
    room = a - stored
    if room < 1 and refused == 0 then
      refused = i
      retry = (b > 0) and (b - now) or 0
    end
  end
  if room < granted then
    granted = math.max(room, 0)
  end
end
local result = {granted, retry, refused}
for i = 1, count do
  local kind = ARGV[3 * i - 1]
  local a = tonumber(ARGV[3 * i])
  local b = tonumber(ARGV[3 * i + 1])
  if kind == 'r' then
    local next = state[i] + granted * a
    if granted > 0 then
      redis.call('SET', KEYS[i], next, 'PX', math.floor((next - now) / 1000) + 1)
    end
    table.insert(result, math.max(math.floor((now + b - next) / a) + 1, 0))
    table.insert(result, math.max(next - now, 0))
  else
    local used = state[i]
    if granted > 0 then
      used = redis.call('INCRBY', KEYS[i], granted)
      if b > 0 then
        redis.call('PEXPIREAT', KEYS[i], math.floor(b / 1000) + 60000)
      end
    end
    table.insert(result, math.max(a - used, 0))
    table.insert(result, (b > 0) and math.max(b - now, 0) or 0)
  end
end
return result
