#!/usr/bin/env python3
"""The chaos4j middleware under load (not run in CI).

Runs the Spring Boot demo shop (examples/spring-boot-demo, one executable jar) in three modes, in
the same run, alternated round by round (the first mode of each round rotates), and loads one route
with wrk after a warm-up that lasts until the JIT has settled (the shop's CPU time per request of
three 5-s slices in a row within 5%):

  bare          no profile: the middleware is not enabled, Chaos Monkey is not loaded
  chaos4j       profile `chaos4j`: the middleware enabled, armed (the shop is ready), its admin API
                on, and one attack installed that does not target the benchmarked route: the
                realistic "installed in production" state. The script checks that the attack is
                active before the load and was never hit after it.
  chaos-monkey  profile `chaos-monkey`: Chaos Monkey for Spring Boot 4.0.0 enabled, watchers on
                (controller, restController, service, component, repository), no assault active.
                The script checks both through Chaos Monkey's actuator endpoint.

Every mode gets a fresh JVM with the same flags and heap, pinned to its own core (taskset), and wrk
runs on another core. A run fails loudly on any socket error or non-2xx answer.

Reported per mode: requests/s (median and min..max over the rounds), the ratio of medians to bare,
the median of the per-round ratios to bare (each round's modes run minutes apart at most, so this
ratio is less disturbed by a shared machine's changing load), and wrk's p50/p99 latencies (medians
over the rounds). The load average is printed before and after every measurement; the script ends
with a ready-to-paste markdown table. Raw figures: target/bench/middleware-load/results.json.

Usage: python3 bench/middleware_load.py [--rounds 5] [--warmup 60] [--warmup-max 180] [--duration 30]
           [--connections 16] [--route /api/catalog/SKU-1001] [--heap 512m]
           [--app-cpu 1] [--wrk-cpu 0] [--port 8075] [--admin-port 9075] [--modes bare,chaos4j,...]
Needs: Java 17, wrk (apt-get install wrk), taskset (util-linux). Builds the demo jar if missing.
"""
import argparse
import json
import os
import platform
import re
import secrets
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import time
import urllib.error
import urllib.request

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(HERE)
JAR = os.path.join(REPO, "examples", "spring-boot-demo", "target", "spring-boot-demo.jar")
OUT = os.path.join(REPO, "target", "bench", "middleware-load")
BUILD = ["./mvnw", "-q", "-B", "-DskipTests", "package", "-pl", "examples/spring-boot-demo", "-am"]
MODES = ("bare", "chaos4j", "chaos-monkey")
# The attack of the chaos4j mode: armed and active, on another route than the benchmarked one.
OTHER_ATTACK = {
    "id": "bench-other-route",
    "route": "/api/recommendations/**",
    "methods": ["GET"],
    "delay": {"ms": 800},
    "ttl": "10m",
}
WARMUP_SLICE = 5  # seconds
WARMUP_SLICES = 3
WARMUP_AGREEMENT = 0.05
READY_SECONDS = 180  # a loaded two-core machine can take a minute to start Spring Boot on one core
STOP_SECONDS = 20
HTTP_TIMEOUT = 5


class BenchError(Exception):
    """A benchmark that cannot go on: one line for the user."""


def main():
    args = parse_args()
    check_tools(args)
    for port in (args.port, args.admin_port):
        if port_in_use(port):
            raise BenchError(f"port {port} on 127.0.0.1 is in use: stop what listens there or pass "
                             f"--port / --admin-port")
    if not os.path.isfile(JAR):
        print("building the demo jar: " + " ".join(BUILD), flush=True)
        subprocess.run(BUILD, cwd=REPO, check=True, timeout=900)
    os.makedirs(OUT, exist_ok=True)

    machine = describe_machine(args)
    print_header(machine, args)
    runs = []
    modes = args.modes
    for r in range(args.rounds):
        order = modes[r % len(modes):] + modes[:r % len(modes)]
        for mode in order:
            result = run_one(args, mode, r + 1)
            runs.append(result)
            print(f"round {r + 1}/{args.rounds} {mode:<13} {result['rps']:>10.1f} req/s  "
                  f"(after {result['warmup_s']} s warm-up)  "
                  f"CPU {result['cpu_us']:.1f} us/req  "
                  f"p50 {result['p50_ms']:.3f} ms  p99 {result['p99_ms']:.3f} ms  "
                  f"load {result['load_before']:.2f} -> {result['load_after']:.2f}  "
                  f"others on the shop's CPU {result['others_on_shop_cpu'] * 100:.1f}%", flush=True)
    machine["load_end"] = os.getloadavg()
    machine["finished"] = time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime())
    summary = summarise(runs, modes)
    with open(os.path.join(OUT, "results.json"), "w") as f:
        json.dump({"machine": machine, "settings": vars(args), "runs": runs, "summary": summary},
                  f, indent=2)
    print()
    print(markdown(machine, args, summary, runs))


def parse_args():
    p = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    p.add_argument("--rounds", type=int, default=5, help="rounds; each runs every mode once")
    p.add_argument("--warmup", type=int, default=60,
                   help="least seconds of load before measuring (in slices of 5 s)")
    p.add_argument("--warmup-max", type=int, default=180,
                   help="most seconds of warm-up, if the throughput has not settled before")
    p.add_argument("--duration", type=int, default=30, help="seconds measured")
    p.add_argument("--connections", type=int, default=16, help="wrk connections (one thread)")
    p.add_argument("--route", default="/api/catalog/SKU-1001", help="the route loaded")
    p.add_argument("--heap", default="512m", help="-Xms and -Xmx of every mode")
    p.add_argument("--app-cpu", default="1", help="taskset CPU list of the shop")
    p.add_argument("--wrk-cpu", default="0", help="taskset CPU list of wrk")
    p.add_argument("--port", type=int, default=8075)
    p.add_argument("--admin-port", type=int, default=9075)
    p.add_argument("--modes", default=",".join(MODES),
                   help="comma-separated, among " + ", ".join(MODES) + "; bare first")
    args = p.parse_args()
    args.modes = [m for m in args.modes.split(",") if m]
    unknown = [m for m in args.modes if m not in MODES]
    if unknown or not args.modes or args.modes[0] != "bare":
        p.error("--modes takes " + ", ".join(MODES) + ", starting with bare")
    if args.rounds < 1 or args.duration < 1 or args.connections < 1:
        p.error("--rounds, --duration and --connections must be positive")
    if args.warmup < 0 or args.warmup_max < args.warmup:
        p.error("--warmup must not be negative, nor more than --warmup-max")
    return args


def check_tools(args):
    for tool, hint in (("wrk", "apt-get install wrk"), ("taskset", "apt-get install util-linux"),
                       ("java", "a Java 17 runtime")):
        if shutil.which(tool) is None:
            raise BenchError(f"{tool} not found on PATH: {hint}")
    cpus = os.sched_getaffinity(0)
    for name, cpus_given in (("--app-cpu", args.app_cpu), ("--wrk-cpu", args.wrk_cpu)):
        wanted = set(cpu_list(cpus_given))
        if not wanted or not wanted <= cpus:
            raise BenchError(f"{name} {cpus_given}: this process may run on CPUs {sorted(cpus)} only")


def describe_machine(args):
    model = "unknown"
    try:
        out = subprocess.run(["lscpu"], capture_output=True, text=True, timeout=10).stdout
        model = re.search(r"^Model name:\s*(.+)$", out, re.M).group(1).strip()
    except (OSError, subprocess.SubprocessError, AttributeError):
        pass
    java = subprocess.run(["java", "-version"], capture_output=True, text=True, timeout=30).stderr
    wrk = subprocess.run(["wrk", "--version"], capture_output=True, text=True, timeout=10).stdout
    return {
        "cpu_model": model,
        "cpus": os.cpu_count(),
        "kernel": platform.release(),
        "java": java.strip().splitlines()[-1] if java.strip() else "unknown",
        "wrk": (wrk.split("[")[0].strip() if wrk else "wrk"),
        "started": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
        "load_start": os.getloadavg(),
        "jvm_flags": jvm_flags(args),
    }


def jvm_flags(args):
    # Identical for every mode; G1 is the JDK's default collector on a server.
    return [f"-Xms{args.heap}", f"-Xmx{args.heap}", "-XX:+UseG1GC", "-XX:+AlwaysPreTouch"]


def print_header(machine, args):
    print(f"machine: {machine['cpu_model']}, {machine['cpus']} CPUs, {machine['java']}")
    print(f"started {machine['started']}, load average {fmt_load(machine['load_start'])}")
    print(f"{args.rounds} rounds x {len(args.modes)} modes; wrk -t1 -c{args.connections} "
          f"{args.warmup}..{args.warmup_max}s warm-up + {args.duration}s on {args.route}; shop on CPU {args.app_cpu}, "
          f"wrk on CPU {args.wrk_cpu}; JVM {' '.join(machine['jvm_flags'])}", flush=True)


# --- one measurement ----------------------------------------------------------------------------


def run_one(args, mode, round_no):
    log_path = os.path.join(OUT, f"round{round_no}-{mode}.log")
    command = (["taskset", "-c", args.app_cpu, "java"] + jvm_flags(args) +
               ["-jar", JAR, f"--server.port={args.port}"])
    env = dict(os.environ)
    token = None
    if mode == "chaos4j":
        token = "bench-" + secrets.token_hex(16)
        env["CHAOS4J_ADMIN_TOKEN"] = token
        command += ["--spring.profiles.active=chaos4j",
                    f"--chaos4j.middleware.admin.port={args.admin_port}"]
    elif mode == "chaos-monkey":
        command += ["--spring.profiles.active=chaos-monkey"]
    with open(log_path, "w") as log:
        app = subprocess.Popen(command, stdin=subprocess.DEVNULL, stdout=log,
                               stderr=subprocess.STDOUT, env=env, start_new_session=True)
    try:
        await_ready(app, args.port, log_path)
        check_mode(args, mode, token)
        url = f"http://127.0.0.1:{args.port}{args.route}"
        warmed = warm_up(args, url, app.pid)
        load_before = os.getloadavg()[0]
        cpu_before, busy_before = cpu_seconds(app.pid), busy_seconds(args.app_cpu)
        result = wrk(args, url, args.duration)
        cpu = cpu_seconds(app.pid) - cpu_before
        # what else ran on the shop's core(s) meanwhile, as a share of their time
        others = (busy_seconds(args.app_cpu) - busy_before - cpu) / (
            result["seconds"] * len(cpu_list(args.app_cpu)))
        load_after = os.getloadavg()[0]
        if mode == "chaos4j":
            check_attack_untouched(args, token)
    finally:
        stop(app)
    result.update(mode=mode, round=round_no, warmup_s=warmed, load_before=load_before,
                  load_after=load_after, cpu_s=cpu, cpu_us=cpu * 1e6 / result["requests"],
                  others_on_shop_cpu=max(0.0, others))
    return result


def warm_up(args, url, pid):
    """Loads the route in slices of WARMUP_SLICE seconds, at least --warmup seconds in all, until
    the shop's CPU time per request of the last WARMUP_SLICES slices agrees within WARMUP_AGREEMENT,
    or --warmup-max seconds have passed; returns the seconds spent. CPU time per request includes
    the JIT compiler's work, so it falls while the JIT still compiles and steadies once it is done,
    and other work on the machine moves it much less than requests/s (on a shared core, two slices'
    requests/s can agree by chance long before the JIT has finished)."""
    spent, recent = 0, []
    while spent < args.warmup_max:
        cpu = cpu_seconds(pid)
        requests = wrk(args, url, WARMUP_SLICE)["requests"]
        recent = (recent + [(cpu_seconds(pid) - cpu) / max(requests, 1)])[-WARMUP_SLICES:]
        spent += WARMUP_SLICE
        settled = (len(recent) == WARMUP_SLICES and
                   max(recent) - min(recent) <= WARMUP_AGREEMENT * min(recent))
        if spent >= args.warmup and settled:
            break
    return spent


def await_ready(app, port, log_path):
    deadline = time.monotonic() + READY_SECONDS
    while True:
        if app.poll() is not None:
            raise BenchError(f"the shop ended with {app.returncode} before it was ready: {log_path}")
        try:
            if http_get(f"http://127.0.0.1:{port}/actuator/health/readiness")[0] == 200:
                return
        except OSError:
            pass
        if time.monotonic() > deadline:
            raise BenchError(f"the shop was not ready after {READY_SECONDS}s: {log_path}")
        time.sleep(0.2)


def check_mode(args, mode, token):
    """Checks that the shop is in the mode the figure will be labelled with."""
    admin = f"http://127.0.0.1:{args.admin_port}/chaos4j"
    if mode == "bare":
        if port_in_use(args.admin_port):
            raise BenchError("bare mode, yet something listens on the admin port")
        status, _ = http_get(f"http://127.0.0.1:{args.port}/actuator/chaosmonkey")
        if status != 404:
            raise BenchError(f"bare mode, yet /actuator/chaosmonkey answers {status}")
    elif mode == "chaos4j":
        auth = {"Authorization": "Bearer " + token}
        status, body = http_call("POST", admin + "/attacks", auth, json.dumps(OTHER_ATTACK))
        if status != 201:
            raise BenchError(f"installing the attack: {status} {body}")
        state = json.loads(http_get(admin + "/status", auth)[1])
        attack = json.loads(http_get(admin + "/attacks/" + OTHER_ATTACK["id"], auth)[1])
        if not state.get("armed") or state.get("attacks") != 1 or attack.get("state") != "active":
            raise BenchError(f"chaos4j mode not armed with one active attack: {state} {attack}")
    elif mode == "chaos-monkey":
        base = f"http://127.0.0.1:{args.port}/actuator/chaosmonkey"
        status, body = http_get(base + "/status")
        enabled = status == 200 and json.loads(body).get("enabled") is True
        watchers = json.loads(http_get(base + "/watchers")[1])
        assaults = json.loads(http_get(base + "/assaults")[1])
        wanted = ("controller", "restController", "service", "component", "repository")
        active = [k for k, v in assaults.items() if k.endswith("Active") and v]
        if not enabled or not all(watchers.get(w) for w in wanted) or active:
            raise BenchError(f"Chaos Monkey not enabled with its watchers and no assault: "
                             f"status {status} {body!r}, watchers {watchers}, active {active}")


def check_attack_untouched(args, token):
    admin = f"http://127.0.0.1:{args.admin_port}/chaos4j"
    auth = {"Authorization": "Bearer " + token}
    attack = json.loads(http_get(admin + "/attacks/" + OTHER_ATTACK["id"], auth)[1])
    if attack.get("state") != "active" or attack.get("hits") != 0:
        raise BenchError(f"the attack on another route should be active and never hit: {attack}")


WRK_LATENCY = re.compile(r"^\s+(50|99)(?:\.0+)?%\s+([\d.]+)(us|ms|s)\s*$", re.M)
UNIT_MS = {"us": 0.001, "ms": 1.0, "s": 1000.0}


def wrk(args, url, seconds):
    command = ["taskset", "-c", args.wrk_cpu, "wrk", "-t1", f"-c{args.connections}",
               f"-d{seconds}s", "--latency", "--timeout", "5s", url]
    started = time.monotonic()
    done = subprocess.run(command, capture_output=True, text=True, timeout=seconds + 60)
    elapsed = time.monotonic() - started
    out = done.stdout
    if done.returncode != 0:
        raise BenchError(f"wrk failed ({done.returncode}): {done.stderr.strip() or out.strip()}")
    for bad in ("Socket errors", "Non-2xx or 3xx responses"):
        if bad in out:
            raise BenchError(f"wrk reported {bad.lower()} on {url}:\n{out}")
    rps = float(re.search(r"^Requests/sec:\s+([\d.]+)", out, re.M).group(1))
    requests = int(re.search(r"^\s*(\d+) requests in", out, re.M).group(1))
    latency = {p: float(v) * UNIT_MS[u] for p, v, u in WRK_LATENCY.findall(out)}
    return {"rps": rps, "requests": requests, "p50_ms": latency["50"], "p99_ms": latency["99"],
            "seconds": elapsed, "wrk": out}


def cpu_seconds(pid):
    """User + system CPU time of process pid, all its threads, from /proc (clock ticks)."""
    with open(f"/proc/{pid}/stat") as f:
        fields = f.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def busy_seconds(cpus):
    """Time CPUs `cpus` (a taskset list) spent running anything, from /proc/stat (clock ticks)."""
    wanted = {f"cpu{c}" for c in cpu_list(cpus)}
    busy = 0
    with open("/proc/stat") as f:
        for line in f:
            fields = line.split()
            if fields and fields[0] in wanted:
                user, nice, system, _idle, _iowait, irq, softirq, steal = map(int, fields[1:9])
                busy += user + nice + system + irq + softirq + steal
    return busy / os.sysconf("SC_CLK_TCK")


def cpu_list(cpus):
    return [int(c) for c in cpus.split(",") if c.strip().isdigit()]


def stop(app):
    if app.poll() is None:
        app.send_signal(signal.SIGTERM)
        try:
            app.wait(timeout=STOP_SECONDS)
        except subprocess.TimeoutExpired:
            app.kill()
            app.wait(timeout=STOP_SECONDS)


# --- loopback HTTP ------------------------------------------------------------------------------


def http_get(url, headers=None):
    return http_call("GET", url, headers or {}, None)


def http_call(method, url, headers, body):
    data = body.encode() if body is not None else None
    request = urllib.request.Request(url, data=data, method=method, headers=dict(headers))
    if data is not None:
        request.add_header("Content-Type", "application/json")
    try:
        with urllib.request.urlopen(request, timeout=HTTP_TIMEOUT) as response:
            return response.status, response.read().decode()
    except urllib.error.HTTPError as e:
        return e.code, e.read().decode(errors="replace")


def port_in_use(port):
    with socket.socket() as s:
        s.settimeout(1)
        return s.connect_ex(("127.0.0.1", port)) == 0


# --- results ------------------------------------------------------------------------------------


def summarise(runs, modes):
    by_mode = {m: [r for r in runs if r["mode"] == m] for m in modes}
    bare_by_round = {r["round"]: r for r in by_mode["bare"]}
    bare_median = statistics.median(r["rps"] for r in by_mode["bare"])
    bare_cpu_median = statistics.median(r["cpu_us"] for r in by_mode["bare"])
    summary = {}
    for mode, rs in by_mode.items():
        rps = [r["rps"] for r in rs]
        paired = [r["rps"] / bare_by_round[r["round"]]["rps"] for r in rs]
        cpu = [r["cpu_us"] for r in rs]
        paired_cpu = [r["cpu_us"] / bare_by_round[r["round"]]["cpu_us"] for r in rs]
        summary[mode] = {
            "rps_median": statistics.median(rps),
            "rps_min": min(rps),
            "rps_max": max(rps),
            "ratio_of_medians": statistics.median(rps) / bare_median,
            "paired_ratio_median": statistics.median(paired),
            "paired_ratio_min": min(paired),
            "paired_ratio_max": max(paired),
            "cpu_us_median": statistics.median(cpu),
            "cpu_us_min": min(cpu),
            "cpu_us_max": max(cpu),
            "cpu_ratio_of_medians": statistics.median(cpu) / bare_cpu_median,
            "cpu_paired_ratio_median": statistics.median(paired_cpu),
            "p50_ms": statistics.median(r["p50_ms"] for r in rs),
            "p99_ms": statistics.median(r["p99_ms"] for r in rs),
            "load_min": min(min(r["load_before"], r["load_after"]) for r in rs),
            "load_max": max(max(r["load_before"], r["load_after"]) for r in rs),
            "others_max": max(r["others_on_shop_cpu"] for r in rs),
        }
    return summary


LABELS = {
    "bare": "bare (middleware off, no Chaos Monkey)",
    "chaos4j": "chaos4j middleware on, armed, 1 attack on another route",
    "chaos-monkey": "Chaos Monkey 4.0.0 on, 5 watchers, no assault",
}


def markdown(machine, args, summary, runs):
    spent = [r["warmup_s"] for r in runs]
    warm = f"{min(spent)} to {max(spent)} s here"
    lines = [
        f"Command: `python3 bench/middleware_load.py --rounds {args.rounds} --warmup {args.warmup} "
        f"--warmup-max {args.warmup_max} --duration {args.duration} "
        f"--connections {args.connections}{modes_option(args)}` "
        f"({machine['started']} to {machine['finished']}; load average "
        f"{fmt_load(machine['load_start'])} at the start, {fmt_load(machine['load_end'])} at the end).",
        f"Machine: {machine['cpu_model']}, {machine['cpus']} CPUs, {machine['java']}, "
        f"{machine['wrk']}. Shop on CPU {args.app_cpu}, wrk on CPU {args.wrk_cpu} (taskset); JVM "
        f"`{' '.join(machine['jvm_flags'])}`; `wrk -t1 -c{args.connections} --latency` on "
        f"`GET {args.route}`; per mode and round a fresh JVM, a warm-up of {args.warmup} to "
        f"{args.warmup_max} s (until the shop's CPU time per request of three 5-s slices in a row "
        f"agrees within 5%; {warm}), then "
        f"{args.duration} s measured.",
        "",
        "| mode | requests/s, median (min..max) | vs bare: ratio of medians; per-round ratio, "
        "median (min..max) | shop CPU per request, median (min..max) | vs bare: ratio of medians; "
        "per-round | p50 | p99 | 1-min load | other work on the shop's CPU, at most |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for mode, s in summary.items():
        if mode == "bare":
            ratio = cpu_ratio = "1"
        else:
            ratio = (f"**{s['ratio_of_medians']:.3f}**; {s['paired_ratio_median']:.3f} "
                     f"({s['paired_ratio_min']:.3f}..{s['paired_ratio_max']:.3f})")
            cpu_ratio = f"{s['cpu_ratio_of_medians']:.3f}; {s['cpu_paired_ratio_median']:.3f}"
        lines.append(
            f"| {LABELS[mode]} | {s['rps_median']:.0f} ({s['rps_min']:.0f}..{s['rps_max']:.0f}) | "
            f"{ratio} | {s['cpu_us_median']:.1f} µs ({s['cpu_us_min']:.1f}..{s['cpu_us_max']:.1f}) | "
            f"{cpu_ratio} | {s['p50_ms']:.2f} ms | {s['p99_ms']:.2f} ms | "
            f"{s['load_min']:.1f}..{s['load_max']:.1f} | {s['others_max'] * 100:.1f}% |")
    if "chaos4j" in summary:
        s = summary["chaos4j"]
        met = s["ratio_of_medians"] >= 0.99
        lines += ["", f"Target chaos4j >= 99% of bare throughput: {s['ratio_of_medians'] * 100:.1f}% "
                      f"(ratio of medians; per-round median {s['paired_ratio_median'] * 100:.1f}%): "
                      f"**{'met' if met else 'not met'}**. Shop CPU time per request: "
                      f"{s['cpu_ratio_of_medians'] * 100:.1f}% of bare's."]
    lines += ["", "The 1-min load average counts the benchmark's own runnable threads (wrk and the "
                  "shop's busy request threads, about 4 to 6 under load); the last column is the share of "
                  "the shop's CPU that went to anything but the shop while it was measured: other "
                  "processes, and interrupt work such as loopback networking (from /proc/stat, less "
                  "the shop's own CPU time)."]
    busiest = max(s["others_max"] for s in summary.values())
    if busiest > 0.10:
        lines += ["", f"Other work took up to {busiest * 100:.0f}% of the shop's CPU during the "
                      f"measurements, so throughput and latencies vary with it from run to run; CPU "
                      f"time per request is much less disturbed and is the steadier guide."]
    return "\n".join(lines)


def modes_option(args):
    return "" if tuple(args.modes) == MODES else " --modes " + ",".join(args.modes)


def fmt_load(load):
    return " ".join(f"{x:.2f}" for x in load)


if __name__ == "__main__":
    # SIGTERM ends the run like Ctrl-C: the shop being measured is stopped on the way out
    signal.signal(signal.SIGTERM, lambda *_: sys.exit(143))
    try:
        main()
    except BenchError as e:
        print(f"middleware_load: {e}", file=sys.stderr)
        sys.exit(1)
    except KeyboardInterrupt:
        sys.exit(130)
