#!/bin/bash
# Measures two properties of real Redis 7.0.15 servers on this machine (127.0.0.1 only, one
# server, bounded to about 70 s, killed at the end):
# 1. serverCron's real interval at hz 10: at loglevel verbose, serverCron logs "DB 0: ... keys"
#    once every 50 cron loops (run_with_period(5000), server.c), so the gap between two such
#    lines is 50 intervals. Output: cron-db-lines.txt (the log lines).
# 2. Loopback round trips of PING on a real server: 4000 sequential PINGs timed with
#    process.hrtime by a tiny client. Output: loopback-rtt-us.txt (one RTT in microseconds per line).
# Usage: bash measure.sh OUTDIR PORT
set -eu
OUT=${1:?outdir}; PORT=${2:-7390}
D=$(mktemp -d)
trap 'kill $PID 2>/dev/null || true; wait $PID 2>/dev/null || true; rm -rf "$D"' EXIT
redis-server --port "$PORT" --bind 127.0.0.1 --cluster-enabled yes --cluster-config-file "$D/nodes.conf" --dir "$D" \
  --save '' --appendonly no --loglevel verbose --logfile "$D/server.log" --hz 10 --daemonize no &
PID=$!
for i in $(seq 50); do redis-cli -p "$PORT" ping >/dev/null 2>&1 && break; sleep 0.1; done
redis-cli -p "$PORT" cluster addslotsrange 0 16383 >/dev/null
for i in $(seq 50); do [ "$(redis-cli -p "$PORT" set k v 2>&1)" = OK ] && break; sleep 0.2; done
node -e '
const net = require("net"); const s = net.connect('"$PORT"', "127.0.0.1"); const out = []; let t = 0n; let n = 0;
const go = () => { t = process.hrtime.bigint(); s.write("PING\r\n"); };
s.on("data", () => { out.push(Number((process.hrtime.bigint() - t) / 1000n)); if (++n < 4000) setTimeout(go, 2); else { require("fs").writeFileSync(process.argv[1], out.join("\n") + "\n"); s.end(); } });
s.on("connect", go);' "$OUT/loopback-rtt-us.txt"
sleep 58
grep "DB 0:" "$D/server.log" > "$OUT/cron-db-lines.txt"
