#!/usr/bin/env bash
# The learning loop of the user-service-down experiment, on this machine, in a few seconds:
#
#   1. builds chaos4j if needed (through ./chaos), then starts the embedded fault proxy
#      (`chaos proxy serve`, Toxiproxy's API on 127.0.0.1:8474, proxy user_dev 127.0.0.1:8091 ->
#      127.0.0.1:8081), the user service (127.0.0.1:8081) and the consumer (localhost:8080/ui)
#      WITHOUT a fallback: the `before` system;
#   2. runs the experiment (default: experiment.json, verbatim) with `chaos run`: it takes the user
#      service down behind user_dev, finds that the consumer then fails (the experiment deviates)
#      and rolls back;
#   3. restarts the consumer WITH its fallback (the `after` system) and runs the same experiment,
#      which now completes: the consumer serves a degraded page while its dependency is down.
#
# Usage: examples/user-service-down/demo.sh [EXPERIMENT]   (from any directory)
# Exit code 0 when the demo showed what it should (deviation before, success after), else 1.
# Journals and logs: target/demo/user-service-down/ (git-ignored). Every process it starts is
# stopped on every ending, Ctrl-C included.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
chaos="$repo/chaos"
experiment="${1:-$here/experiment.json}"
out="$repo/target/demo/user-service-down"
java_bin="${JAVA_HOME:+$JAVA_HOME/bin/}java"
# the demo programs live for seconds: C1 only and the serial collector start them fastest
java_flags=(-XX:TieredStopAtLevel=1 -XX:+UseSerialGC)

consumer_port=8080
api_port=8474
users_port=8081
proxy_port=8091 # user_dev's listen address, as declared in proxies.json
ready_seconds=60  # bound of every readiness wait (a first start compiles the demo programs)
stop_seconds=10   # bound of every stop, after which the process is killed

say() { printf '\ndemo: %s\n' "$*"; }
fail() {
  printf 'demo: %s\n' "$*" >&2
  exit 1
}

# --- processes this script started, and how they all stop ------------------------------------

pids=()

# True while process $1 runs (a zombie, exited but not yet reaped, counts as gone).
alive() {
  local state
  state="$(ps -o stat= -p "$1" 2>/dev/null)" || return 1
  [[ $state != Z* ]]
}

# Stops process $1: SIGTERM, at most $stop_seconds to end, then SIGKILL; always reaped, and
# forgotten (its pid may be reused by then).
stop() {
  local pid=$1 deadline=$((SECONDS + stop_seconds)) kept=() p
  kill -TERM "$pid" 2>/dev/null || true
  while alive "$pid" && ((SECONDS < deadline)); do sleep 0.1; done
  kill -KILL "$pid" 2>/dev/null || true
  wait "$pid" 2>/dev/null || true
  for p in ${pids[@]+"${pids[@]}"}; do [ "$p" = "$pid" ] || kept+=("$p"); done
  pids=(${kept[@]+"${kept[@]}"})
}

stop_all() {
  while [ ${#pids[@]} -gt 0 ]; do stop "${pids[0]}"; done
}

on_exit() {
  local status=$?
  trap - EXIT INT TERM HUP
  stop_all
  exit "$status"
}
trap on_exit EXIT
trap 'exit 130' INT
trap 'exit 143' TERM
trap 'exit 129' HUP

# Starts a program in the background, its output in log $2; the pid lands in $started.
start() {
  local log=$1
  shift
  "$@" </dev/null >"$log" 2>&1 &
  started=$!
  pids+=("$started")
}

# --- readiness ---------------------------------------------------------------------------------

listening() { (exec 3<>"/dev/tcp/127.0.0.1/$1") 2>/dev/null; }

# Waits until "$5..." succeeds (what: $4) while process $1 ($2, logging to $3) runs.
await() {
  local pid=$1 name=$2 log=$3 what=$4 deadline=$((SECONDS + ready_seconds))
  shift 4
  until "$@"; do
    if ! alive "$pid"; then
      cat "$log" >&2
      fail "$name ended before $what (its log: $log)"
    fi
    ((SECONDS < deadline)) || fail "$name not $what after ${ready_seconds}s (its log: $log)"
    sleep 0.1
  done
}

# Waits until nothing listens on port $1 any more (bounded).
await_port_free() {
  local deadline=$((SECONDS + stop_seconds))
  while listening "$1"; do
    ((SECONDS < deadline)) || fail "port $1 still in use ${stop_seconds}s after its service stopped"
    sleep 0.1
  done
}

# Starts the consumer of phase $1 (before: no fallback; after: with it).
start_consumer() {
  local fallback=()
  [ "$1" = after ] && fallback=(--fallback)
  consumer_log="$out/consumer-$1.log"
  start "$consumer_log" "$java_bin" "${java_flags[@]}" "$here/ConsumerService.java" \
    --port "$consumer_port" --users "http://127.0.0.1:$proxy_port/users" ${fallback[@]+"${fallback[@]}"}
  consumer_pid=$started
}

# --- the experiment ----------------------------------------------------------------------------

# Runs the experiment for phase $1 (before/after); sets $outcome to deviated, completed or the
# journal's status. Without a journal (the experiment could not even start), the demo ends.
run_experiment() {
  local dir="$out/$1" code=0
  mkdir -p "$dir"
  "$chaos" --log-file "$dir/chaostoolkit.log" run --journal-path "$dir/journal.json" \
    "$experiment" || code=$?
  if [ ! -f "$dir/journal.json" ]; then
    fail "the experiment did not run (chaos exited with $code, no journal): see the lines above and $dir/chaostoolkit.log"
  elif grep -qE '^  "deviated": true' "$dir/journal.json"; then
    outcome=deviated
  else
    outcome="$(sed -nE 's/^  "status": "([^"]*)".*/\1/p' "$dir/journal.json")"
  fi
}

# What the consumer's page said about the user service in the journal of phase $1.
notice() {
  grep -o -m1 'The user service is unavailable[^<]*' "$out/$1/journal.json" | head -n 1 || true
}

# --- the demo ----------------------------------------------------------------------------------

[ -f "$experiment" ] || fail "no experiment at $experiment"
for port in "$consumer_port" "$api_port" "$users_port" "$proxy_port"; do
  if listening "$port"; then
    fail "port $port on 127.0.0.1 is in use; the demo needs ports $consumer_port, $api_port, $users_port and $proxy_port: stop what listens there and run again"
  fi
done

rm -rf "$out"
mkdir -p "$out"
# builds the command line on first use (about a minute), then says which chaos4j plays
"$chaos" --version

say "starting the system: fault proxy (API on 127.0.0.1:$api_port), user service, consumer without fallback"
start "$out/proxy.log" "$chaos" --no-log-file proxy serve --host 127.0.0.1 --port "$api_port" \
  --config "$here/proxies.json"
proxy_pid=$started
start "$out/users.log" "$java_bin" "${java_flags[@]}" "$here/UserService.java" --port "$users_port"
users_pid=$started
start_consumer before
# the proxy says it serves once user_dev listens
await "$proxy_pid" "the fault proxy" "$out/proxy.log" "serving" grep -q 'Fault proxy API on' "$out/proxy.log"
await "$users_pid" "the user service" "$out/users.log" "listening on port $users_port" listening "$users_port"
await "$consumer_pid" "the consumer" "$consumer_log" "listening on port $consumer_port" listening "$consumer_port"
cat "$out/proxy.log"

say "BEFORE: running the experiment against the consumer without fallback"
run_experiment before
before=$outcome
if [ "$before" = deviated ]; then
  say "The experiment DEVIATED: with the user service down, the consumer's page failed."
  # the probe's verdict, without the log's timestamp and logger
  grep -h -m1 'not in the given tolerance' "$out/before/chaostoolkit.log" |
    sed -E 's/^(\[[^]]*\] )+/      /' || true
  printf '      The page said: "%s"\n' "$(notice before)"
  printf '      That is the weakness to fix. Journal: %s\n' "$out/before/journal.json"
else
  say "unexpected: the experiment against the system without fallback ended '$before' (expected: deviated); journal: $out/before/journal.json"
fi

say "AFTER: restarting the consumer with its fallback, then running the same experiment"
stop "$consumer_pid"
await_port_free "$consumer_port"
start_consumer after
await "$consumer_pid" "the consumer" "$consumer_log" "listening on port $consumer_port" listening "$consumer_port"
run_experiment after
after=$outcome
if [ "$after" = completed ]; then
  say "The experiment COMPLETED: with the user service down, the consumer served a degraded page."
  printf '      The page said: "%s"\n' "$(notice after)"
fi

say "summary"
printf '  before (no fallback): %s   journal: %s\n' "$before" "$out/before/journal.json"
printf '  after (fallback):     %s   journal: %s\n' "$after" "$out/after/journal.json"
if [ "$before" = deviated ] && [ "$after" = completed ]; then
  printf '  The experiment found the weakness, and the fallback removed it.\n'
  exit 0
fi
printf '  The demo did not show what it should (expected: deviated before, completed after).\n' >&2
printf '  Logs: %s\n' "$out" >&2
exit 1
