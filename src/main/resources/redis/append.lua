-- Step 6: numbers a message, keeps it in its logs and in its feed, in one step (Redis runs a
-- script without running anything else in between). KEYS: the feed's last id, its first id,
-- the newest id it lost, the feed, its index of logs, its dropped logs, the newest id of a
-- dropped log no longer remembered, the append's key, then the logs. ARGV: the message, how many
-- each log keeps, the newest id this instance has seen, the feed's length, the most logs, the most
-- dropped logs remembered, how long a key is remembered (seconds), and whether there is a key.
if ARGV[8] == '1' then
  local earlier = redis.call('GET', KEYS[8])
  if earlier then return tonumber(earlier) end -- a retry of an append that went through
end
local keep = tonumber(ARGV[2])
-- tag::ids[]
local floor = tonumber(ARGV[3])
local last = tonumber(redis.call('GET', KEYS[1]) or '0')
-- Behind what an instance has seen: Redis came back from an older snapshot, and lost the rest.
if floor > last and floor > tonumber(redis.call('GET', KEYS[3]) or '0') then
  redis.call('SET', KEYS[3], string.format('%d', floor))
end
-- Ids follow Redis' clock in microseconds, so they never go back, whatever Redis forgets.
local time = redis.call('TIME')
local id = math.max(last + 1, floor + 1, tonumber(time[1]) * 1000000 + tonumber(time[2]))
local text = string.format('%d', id) -- Lua numbers are doubles: .. would print 1.79e+15
-- end::ids[]
if redis.call('EXISTS', KEYS[2]) == 0 then
  redis.call('SET', KEYS[2], text) -- the first id Redis has for this feed
end
redis.call('SET', KEYS[1], text)
for i = 9, #KEYS do
  local log = KEYS[i]
  local dropped = redis.call('ZSCORE', KEYS[6], log)
  if dropped then -- written again after it was dropped: what it had before is gone
    redis.call('SET', log .. ':trimmed', dropped)
    redis.call('ZREM', KEYS[6], log)
  end
  if keep == 0 then
    redis.call('SET', log .. ':trimmed', text)
  else
    local excess = redis.call('XLEN', log) + 1 - keep
    if excess > 0 then -- the newest that goes marks the gap, however many go at once
      local going = redis.call('XRANGE', log, '-', '+', 'COUNT', excess)
      redis.call('SET', log .. ':trimmed', string.match(going[#going][1], '^(%d+)'))
    end
    redis.call('XADD', log, 'MAXLEN', keep, text .. '-0', 'm', ARGV[1])
  end
  redis.call('ZADD', KEYS[5], text, log)
end
-- At most ARGV[5] logs: the least recently written goes, remembered by name with its newest id.
while redis.call('ZCARD', KEYS[5]) > tonumber(ARGV[5]) do
  local gone = redis.call('ZPOPMIN', KEYS[5])
  redis.call('DEL', gone[1], gone[1] .. ':trimmed')
  redis.call('ZADD', KEYS[6], gone[2], gone[1])
end
while redis.call('ZCARD', KEYS[6]) > tonumber(ARGV[6]) do
  local forgotten = redis.call('ZPOPMIN', KEYS[6])
  if tonumber(forgotten[2]) > tonumber(redis.call('GET', KEYS[7]) or '0') then
    redis.call('SET', KEYS[7], forgotten[2])
  end
end
-- tag::feed[]
-- The feed carries each message with the id before it:
-- so a follower sees when it missed some.
local before = string.format('%d', last)
redis.call('XADD', KEYS[4], 'MAXLEN', '~', ARGV[4], text .. '-0', 'm', ARGV[1], 'p', before)
-- end::feed[]
if ARGV[8] == '1' then
  redis.call('SET', KEYS[8], text, 'EX', ARGV[7])
end
return id
