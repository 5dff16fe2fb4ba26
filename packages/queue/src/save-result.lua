-- KEYS[1] the result; ARGV[1] its JSON, ARGV[2] TTL in seconds; ARGV[3], ARGV[4], ARGV[5] (optional):
-- a reply channel, the job id and the largest JSON sent along. Stores the result, then tells the API
-- process holding the request open: "<job id> <JSON>", or "<job id>" alone for a large result.
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
if ARGV[3] then
  if #ARGV[1] <= tonumber(ARGV[5]) then
    redis.call('PUBLISH', ARGV[3], ARGV[4] .. ' ' .. ARGV[1])
  else
    redis.call('PUBLISH', ARGV[3], ARGV[4])
  end
end
return 1
