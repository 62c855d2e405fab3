-- Step 6: what a log keeps after an id, and whether something after that id is gone. KEYS: the
-- log, the feed's first id, its last id, the newest id it lost, its dropped logs, the newest id
-- of a dropped log no longer remembered. ARGV: the id.
local after = tonumber(ARGV[1])
local kept = redis.call('XRANGE', KEYS[1], string.format('%d', after + 1) .. '-0', '+')
local gap = 0
if after > 0 then
  local since = tonumber(redis.call('GET', KEYS[2]) or '0')
  local last = tonumber(redis.call('GET', KEYS[3]) or '0')
  local trimmed = redis.call('GET', KEYS[1] .. ':trimmed')
  local dropped = redis.call('ZSCORE', KEYS[5], KEYS[1])
  if after < since or after > last or after < tonumber(redis.call('GET', KEYS[4]) or '0') then
    gap = 1 -- from before what Redis has, or beyond it: Redis forgot what this reader saw
  elseif trimmed then
    if after < tonumber(trimmed) then gap = 1 end
  elseif dropped then
    if after < tonumber(dropped) then gap = 1 end
  elseif redis.call('EXISTS', KEYS[1]) == 0 and after < tonumber(redis.call('GET', KEYS[6]) or '0') then
    gap = 1
  end
end
return {gap, kept}
