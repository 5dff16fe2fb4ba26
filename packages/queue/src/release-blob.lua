-- KEYS[1] blob, KEYS[2] its reference count; ARGV[1], ARGV[2] (optional): a channel and a message.
-- Drops one reference (the last one deletes the bytes), then publishes the message, so a worker
-- finishing a job releases its bytes and announces it in one round trip.
local left = redis.call('DECR', KEYS[2])
if left <= 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
end
if ARGV[1] then
  redis.call('PUBLISH', ARGV[1], ARGV[2])
end
return left
