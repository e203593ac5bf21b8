#!/usr/bin/env bash
# The Spring Boot demo, on this machine, in well under a minute once built:
#
#   1. builds the shop (examples/spring-boot-demo, with the middleware and its starter) and the
#      `chaos` command if needed;
#   2. starts the shop with the `chaos4j` profile: the chaos4j middleware on, its admin API on
#      127.0.0.1:9070 with a bearer token made for this run (CHAOS4J_ADMIN_TOKEN), the shop on
#      127.0.0.1:8070, and waits until it is ready;
#   3. runs experiment.json with `chaos run`: recommendations become slow and then fail (503) while
#      the catalogue and orders must keep answering within a second; the attack is cancelled in the
#      rollbacks;
#   4. prints the outcome and stops the shop.
#
# Usage: examples/spring-boot-demo/run.sh [EXPERIMENT]   (from any directory; default experiment.json)
# Ports: SHOP_PORT (default 8070) and SHOP_ADMIN_PORT (default 9070) must be free.
# Exit code 0 when the experiment completed, the steady state held before and after the attack, and
# the attacked route really answered 503; otherwise 1. Journal and logs: target/demo/spring-boot-demo/
# (git-ignored). The shop is stopped on every ending, Ctrl-C included.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
chaos="$repo/chaos"
jar="$here/target/spring-boot-demo.jar"
experiment="${1:-$here/experiment.json}"
out="$repo/target/demo/spring-boot-demo"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the shop lives for seconds here: C1 only and the serial collector start it fastest
java_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

shop_port="${SHOP_PORT:-8070}"
admin_port="${SHOP_ADMIN_PORT:-9070}"
ready_seconds=120     # bound of the readiness wait (a loaded machine starts Spring Boot slowly)
experiment_seconds=120 # bound of the experiment (its activities have their own timeouts)
stop_seconds=15       # bound of the shop's graceful stop, after which it is killed

say() { printf '\nspring-boot-demo: %s\n' "$*"; }
fail() {
  printf 'spring-boot-demo: %s\n' "$*" >&2
  exit 1
}

# --- the shop's process, and how it stops on every ending -------------------------------------

shop_pid=

alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ $state != Z* ]]
}

stop_shop() {
  [ -n "$shop_pid" ] || return 0
  local deadline=$((SECONDS + stop_seconds))
  kill -TERM "$shop_pid" 2>/dev/null || true
  while alive "$shop_pid" && ((SECONDS < deadline)); do sleep 0.1; done
  kill -KILL "$shop_pid" 2>/dev/null || true
  wait "$shop_pid" 2>/dev/null || true
  shop_pid=
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM HUP
  stop_shop
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# --- loopback HTTP without curl -----------------------------------------------------------------

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# True when GET http://127.0.0.1:$1$2 answers 200 within 2 s.
answers_200() {
  (
    exec 3<>"/dev/tcp/127.0.0.1/$1" || exit 1
    printf 'GET %s HTTP/1.0\r\nHost: 127.0.0.1\r\n\r\n' "$2" >&3
    IFS= read -r -t 2 line <&3 && [[ $line == "HTTP/1."?" 200"* ]]
  ) 2>/dev/null
}

# --- reading the journal (indented JSON, one key a line, as the reference writes it) ------------

# The output of the method's activity named $1: a scalar, or the `status` of an HTTP output.
method_output() {
  awk -v name="$1" '
    /^  "run": \[/ { run = 1; next }
    run && /^  \]/ { exit }
    run && /^    \{/ { found = 0; object = 0 }
    run && index($0, "        \"name\": \"" name "\"") == 1 { found = 1; next }
    found && /^      "output": / {
      sub(/^      "output": /, ""); sub(/,$/, "")
      if ($0 == "{") { object = 1; next }
      print; exit
    }
    object && /^        "status": / { sub(/^        "status": /, ""); sub(/,$/, ""); print; exit }
  ' "$2"
}

# --- the demo ----------------------------------------------------------------------------------

[ -f "$experiment" ] || fail "no experiment at $experiment"
for port in "$shop_port" "$admin_port"; do
  if listening "$port"; then
    fail "port $port on 127.0.0.1 is in use; the demo needs ports $shop_port (shop) and $admin_port (chaos4j admin API): stop what listens there, or set SHOP_PORT / SHOP_ADMIN_PORT"
  fi
done

rm -rf "$out"
mkdir -p "$out"

say "building the shop and the chaos command (first time: a minute or two)"
(cd "$repo" && ./mvnw -q -B -DskipTests package -pl examples/spring-boot-demo -am) ||
  fail "the build failed: see the lines above"
"$chaos" --version

# A token for this run only: the shop's admin API requires it, the experiment sends it (its secret
# reads the same environment variable).
CHAOS4J_ADMIN_TOKEN="demo-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export CHAOS4J_ADMIN_TOKEN
export SHOP_URL="http://127.0.0.1:$shop_port"
export SHOP_ADMIN_URL="http://127.0.0.1:$admin_port/chaos4j"

say "starting the shop on $SHOP_URL with the chaos4j middleware (admin API on $SHOP_ADMIN_URL)"
"$java_bin" "${java_flags[@]}" -jar "$jar" --spring.profiles.active=chaos4j \
  --server.port="$shop_port" --chaos4j.middleware.admin.port="$admin_port" \
  </dev/null >"$out/shop.log" 2>&1 &
shop_pid=$!
deadline=$((SECONDS + ready_seconds))
until answers_200 "$shop_port" /actuator/health/readiness && listening "$admin_port"; do
  if ! alive "$shop_pid"; then
    tail -n 30 "$out/shop.log" >&2
    fail "the shop ended before it was ready (its log: $out/shop.log)"
  fi
  ((SECONDS < deadline)) || fail "the shop was not ready after ${ready_seconds}s (its log: $out/shop.log)"
  sleep 0.2
done
grep -h 'chaos4j middleware' "$out/shop.log" | sed -E 's/^.* : /  /' || true

say "running $experiment"
code=0
# --foreground keeps chaos in the terminal's process group: Ctrl-C reaches it, and it plays the
# rollbacks before it ends
timeout --foreground --signal=TERM --kill-after=15 "$experiment_seconds" \
  "$chaos" --log-file "$out/chaostoolkit.log" run --journal-path "$out/journal.json" "$experiment" ||
  code=$?
journal="$out/journal.json"
[ -f "$journal" ] ||
  fail "the experiment did not run (chaos exited with $code, no journal): see the lines above and $out/chaostoolkit.log"

status="$(sed -nE 's/^  "status": "([^"]*)".*/\1/p' "$journal")"
deviated="$(sed -nE 's/^  "deviated": (true|false).*/\1/p' "$journal")"
answered="$(method_output recommendations-answer-503 "$journal")"
hits="$(method_output recommendations-attack-hits "$journal")"
stop_shop

say "outcome"
printf '  experiment:      %s%s (chaos exit code %s)\n' "$status" \
  "$([ "$deviated" = true ] && echo ', DEVIATED' || true)" "$code"
printf '  steady state:    catalogue and orders answered within 1 s before and during the attack: %s\n' \
  "$([ "$status" = completed ] && [ "$deviated" = false ] && echo yes || echo NO)"
printf '  attacked route:  GET /api/recommendations answered %s; requests hit by the attack: %s\n' \
  "${answered:-nothing}" "${hits:-unknown}"
printf '  journal:         %s\n' "$journal"
if [ "$code" = 0 ] && [ "$status" = completed ] && [ "$deviated" = false ] &&
  [ "$answered" = 503 ] && [[ ${hits:-0} =~ ^[1-9][0-9]*$ ]]; then
  printf '  The shop kept selling while its recommendations were down.\n'
  exit 0
fi
printf '  The demo did not show what it should (expected: completed, steady state held, recommendations 503).\n' >&2
printf '  Logs: %s\n' "$out" >&2
exit 1
