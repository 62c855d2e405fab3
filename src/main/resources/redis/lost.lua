-- Step 6: a follower saw ids that Redis no longer has (it came back from an older snapshot):
-- readers from before the newest of them are told of a gap. KEYS: the feed's lost mark.
-- ARGV: the id.
if tonumber(ARGV[1]) > tonumber(redis.call('GET', KEYS[1]) or '0') then
  redis.call('SET', KEYS[1], ARGV[1])
end
return 0
