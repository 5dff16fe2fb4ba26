#!/usr/bin/env bash
# Makes sure a Redis answers on REDIS_URL; starts a local one when the URL is local and none does.
set -euo pipefail
cd "$(dirname "$0")/.."
url="${REDIS_URL:-redis://127.0.0.1:6379}"
if redis-cli -u "$url" ping >/dev/null 2>&1; then exit 0; fi

hostport="${url#*://}"; hostport="${hostport##*@}"; hostport="${hostport%%/*}"
host="${hostport%%:*}"; port="${hostport##*:}"; [ "$port" = "$hostport" ] && port=6379
case "$host" in
  127.0.0.1|localhost|::1) ;;
  *) echo "redis: nothing answers on $url and it is not local; start it there" >&2; exit 1 ;;
esac

mkdir -p .cache/redis
echo "redis: starting redis-server on $host:$port (data in .cache/redis)"
redis-server infra/redis.conf --port "$port" --bind "$host" --dir "$PWD/.cache/redis" \
  --daemonize yes --logfile "$PWD/.cache/redis/redis.log" --pidfile "$PWD/.cache/redis/redis.pid"
for _ in $(seq 1 50); do
  redis-cli -u "$url" ping >/dev/null 2>&1 && exit 0
  sleep 0.1
done
echo "redis: redis-server did not answer; see .cache/redis/redis.log" >&2
exit 1
