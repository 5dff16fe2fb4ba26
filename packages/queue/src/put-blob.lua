-- KEYS[1] blob, KEYS[2] its reference count; ARGV[1] the bytes, ARGV[2] TTL in seconds, ARGV[3] references.
-- Stores the bytes (or refreshes an existing copy) and takes the references, in one round trip.
redis.call('SET', KEYS[1], ARGV[1], 'EX', ARGV[2])
redis.call('INCRBY', KEYS[2], ARGV[3])
redis.call('EXPIRE', KEYS[2], ARGV[2])
return 1
