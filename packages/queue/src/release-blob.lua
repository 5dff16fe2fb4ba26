-- KEYS[1] blob, KEYS[2] its reference count. Drops one reference; the last one deletes the bytes.
local left = redis.call('DECR', KEYS[2])
if left <= 0 then
  redis.call('DEL', KEYS[1], KEYS[2])
end
return left
