-- Step 6: what some logs of a feed keep after an id, read at one moment, and whether something
-- after that id is gone. KEYS: the feed's first id, its last id, the newest id it lost, its
-- dropped logs, the newest id of a dropped log no longer remembered, the feed, then the logs.
-- ARGV: the id.
local after = tonumber(ARGV[1])
local from = string.format('%d', after + 1) .. '-0'
local gap = 0
if after > 0 then
  local since = tonumber(redis.call('GET', KEYS[1]) or '0')
  local last = tonumber(redis.call('GET', KEYS[2]) or '0')
  local lost = tonumber(redis.call('GET', KEYS[3]) or '0')
  if after < since or after > last or after < lost then
    gap = 1 -- from before what Redis has, or beyond it: Redis forgot what this reader saw
  elseif after > lost then
    -- The feed still reaches back to that id, yet doesn't have it: Redis forgot it (an older
    -- snapshot came back, and no instance told it of that id: each restarted since).
    local oldest = redis.call('XRANGE', KEYS[6], '-', '+', 'COUNT', 1)[1]
    local exact = string.format('%d', after) .. '-0'
    if oldest and tonumber(string.match(oldest[1], '^(%d+)')) <= after
        and #redis.call('XRANGE', KEYS[6], exact, exact) == 0 then
      gap = 1
    end
  end
end
local kept = {}
for i = 7, #KEYS do
  local log = KEYS[i]
  kept[#kept + 1] = redis.call('XRANGE', log, from, '+')
  if after > 0 and gap == 0 then
    local trimmed = redis.call('GET', log .. ':trimmed')
    local dropped = redis.call('ZSCORE', KEYS[4], log)
    if trimmed then
      if after < tonumber(trimmed) then gap = 1 end
    elseif dropped then
      if after < tonumber(dropped) then gap = 1 end
    elseif redis.call('EXISTS', log) == 0
        and after < tonumber(redis.call('GET', KEYS[5]) or '0') then
      gap = 1
    end
  end
end
return {gap, kept}
