#!/usr/bin/env python3
"""chaos4j command-line benchmarks (not run in CI).

Every figure is the median of --runs cold runs with its spread (min..max). Runs are interleaved
(round robin over all commands) so that the load of a shared machine hits every figure alike, and
each chaos4j figure sits beside a baseline measured in the same run:

  figure        chaos4j command                                 baseline (fresh JVM, launcher flags)
  version       chaos --version                                 Baseline hello (bare JVM start)
  validate      chaos validate, small experiment                Baseline hello
  java-1000     chaos run, 1000 no-op java probes               -
  process-200   chaos run, 200 process probes `true`            Baseline process 200 (ProcessBuilder)
                                                                and, for context only, Baseline
                                                                process-threads 200 (both streams
                                                                drained on pooled threads)
  http-1000     chaos run, 1000 http probes, loopback server    Baseline raw 1000 (keep-alive GETs over
                                                                one plain socket: the call itself)
                                                                and, for context only, Baseline http
                                                                1000 (java.net.http) and Baseline
                                                                urlconnection 1000 (HttpURLConnection)

Each run figure N is also run with 1 activity, so that per-activity costs are marginal ones, free of
start-up: (t[N] - t[1]) / (N - 1). Engine overhead per activity = marginal chaos4j cost - marginal
baseline cost (the call itself); for the no-op java probes the call itself is ~0.
Each run figure is also cut into phases with the journal's timestamps: start (process start to the
first activity's start), the activities (first start to last end) and the end (last end to exit:
journal written, JVM shut down).
The journal also gives the steady-state cost of an activity: the median, over a run's activities,
of the time from one activity's start to the next one's (engine and call together; the median
leaves out the first, interpreted activities). Minus the baseline's marginal cost per call, it is
the engine overhead of an activity once the JVM has warmed up, where the marginal figure above also
spreads the warm-up over the activities.
The paired figures (process-paired, http-paired) measure the engine overhead per activity inside
one run, free of the run-to-run noise of the call itself (process starts on a shared VM vary by
0.1-0.3 ms between runs). The run repeats N times five activities: the activity itself (process
`true`, or an http GET), a no-op java activity, a java activity making the same bare call
(Baseline.spawn: one ProcessBuilder run; Baseline.get: one GET over a kept-alive socket), and two
no-op java activities. A no-op and a bare call come first, unmeasured: they pay the java
provider's and the JDK's one-time set-up (the JDK's first child process costs it ~10 ms).
With c(x) the time from an activity's start to the next one's, the engine overhead of the
activity is c(activity) + c(no-op 1) - c(bare call) - c(no-op 2) + c(no-op 3): a call disturbs
what runs right after it (a child process exits, the JDK reaps it), so each call is followed by a
no-op that takes that disturbance; the first four terms differ by what the engine adds to the
activity beyond what it adds to a java activity, and the last, a no-op after a no-op, adds back
what it adds to a java activity. The steady-state figure is the median over a run's quintuplets;
their mean covers the whole cold run, warm-up included. Each is then summarised over runs.
Replacing the activity by the bare call in a java activity gives the java activity's own overhead
(~0.02-0.04 ms), which checks the method.
Peak RSS and CPU time (user + system, all threads) of every command come from wait4 (the launcher
execs the JVM). CPU time is far less sensitive than wall time to other work on a shared machine,
which makes it the better guide for comparing two variants; the targets are wall times.

More chaos4j variants (launcher flags, no AppCDS...) can be measured in the same run:
  --variant c2='java -XX:+UseSerialGC -Xshare:auto -jar cli/target/chaos.jar'

Usage: python3 bench/cli_bench.py [--runs 7] [--chaos ./chaos] [--variant NAME=COMMAND]... [--server canned|stdlib]
                                  [--only FIGURE,...] [--size KIND=N]...
e.g. --only process-1000 --size process=1000 (figure names follow the sizes);
     --only process-paired,http-paired for the paired figures alone
"""
import argparse
import datetime
import http.client
import http.server
import json
import os
import shlex
import shutil
import socket
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
# the Baseline mode measured beside each kind of run figure, when it is not the kind's own name
BASELINE_OF = {"http": "raw"}
LAUNCHER_FLAGS = ["-XX:TieredStopAtLevel=1", "-XX:CompileThresholdScaling=0.5", "-XX:+UseSerialGC",
                  "-Xshare:auto"]


class Handler(http.server.BaseHTTPRequestHandler):
    """The standard library's HTTP server (--server stdlib): a full request parser, ~0.1-0.2 ms of
    Python per request, more than the engine's own cost per activity."""
    protocol_version = "HTTP/1.1"
    # Buffered writes: headers and body leave in ONE send (flushed after each request by
    # BaseHTTPRequestHandler). Unbuffered, they go out in two segments and, with keep-alive,
    # Nagle + delayed ACK stall every request for ~40 ms: the bench would measure the server.
    wbufsize = -1
    disable_nagle_algorithm = True

    def do_GET(self):
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(BODY)))
        self.end_headers()
        self.wfile.write(BODY)

    def log_message(self, *args):
        pass


class StdlibServer(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


BODY = b'{"ok": true}'
CANNED = (b"HTTP/1.1 200 OK\r\nServer: cli-bench\r\nContent-Type: application/json\r\n"
          b"Content-Length: %d\r\n\r\n%s" % (len(BODY), BODY))


class CannedServer:
    """The default loopback server (--server canned): answers every request on a kept-alive
    connection with the same 200 response once its head has arrived, without parsing it (the
    bench's requests are body-less GETs). A few microseconds per request, so that the figures
    measure the client, not the server."""

    def __init__(self):
        self.listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
        self.listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
        self.listener.bind(("127.0.0.1", 0))
        self.listener.listen(64)
        self.server_address = self.listener.getsockname()

    def serve_forever(self):
        while True:
            try:
                conn, _ = self.listener.accept()
            except OSError:  # closed by shutdown()
                return
            threading.Thread(target=self.answer, args=(conn,), daemon=True).start()

    @staticmethod
    def answer(conn):
        conn.setsockopt(socket.IPPROTO_TCP, socket.TCP_NODELAY, 1)
        pending = b""
        with conn:
            while True:
                try:
                    data = conn.recv(65536)
                except OSError:
                    return
                if not data:
                    return
                pending += data
                heads = pending.count(b"\r\n\r\n")
                if heads:
                    pending = pending[pending.rindex(b"\r\n\r\n") + 4:]
                    conn.sendall(CANNED * heads)

    def shutdown(self):
        self.listener.close()


def timed(cmd, cwd, env=None):
    """Wall seconds, peak RSS (MiB) and CPU seconds (user + system) of one command; fails loudly on
    a non-zero exit."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    err = p.stderr.read()  # until the command closes it, so a chatty command cannot block
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    p.stderr.close()
    if p.returncode != 0:
        sys.exit("command failed (%d): %s\n%s"
                 % (p.returncode, " ".join(cmd), err.decode(errors="replace")[-2000:]))
    return wall, usage.ru_maxrss / 1024.0, usage.ru_utime + usage.ru_stime


def fmt(values, unit="s", scale=1.0, digits=3):
    f = "%%.%df" % digits
    med = statistics.median(values) * scale
    return (f + " %s (" + f + ".." + f + ")") % (med, unit, min(values) * scale, max(values) * scale)


def machine(java):
    """Processors, CPU model, memory and JVM of this machine, for the record."""
    model = "?"
    with open("/proc/cpuinfo") as f:
        for line in f:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    with open("/proc/meminfo") as f:
        mem = f.readline().split()[1]
    version = subprocess.run([java, "-version"], capture_output=True, text=True).stderr.strip()
    return "machine: %d processors, %s, %.1f GiB memory\n%s" % (
        os.cpu_count(), model, int(mem) / 1024.0 / 1024.0, version)


def read_json(path):
    with open(path) as f:
        return json.load(f)


def stamp(iso):
    """Epoch seconds of a journal timestamp (ISO-8601 with an offset)."""
    return datetime.datetime.fromisoformat(iso).timestamp()


def write_json(path, doc):
    with open(path, "w") as f:
        json.dump(doc, f)
    return path


def experiment(activities):
    return {"title": "bench", "description": "bench", "method": activities}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--chaos", default="./chaos", help="the chaos4j command (default ./chaos)")
    ap.add_argument("--variant", action="append", default=[], metavar="NAME=COMMAND",
                    help="another chaos4j command to measure in the same run")
    ap.add_argument("--server", choices=("canned", "stdlib"), default="canned",
                    help="the loopback server of the http figures (default canned)")
    ap.add_argument("--only", default="", help="comma-separated figures to run (default: all)")
    ap.add_argument("--size", action="append", default=[], metavar="KIND=N",
                    help="activities of a run figure: java=1000, process=200, http=1000")
    opts = ap.parse_args()

    def command(text):
        return [os.path.abspath(w) if os.path.exists(w) else w for w in shlex.split(text)]

    variants = [("chaos", command(opts.chaos))]
    for v in opts.variant:
        name, _, text = v.partition("=")
        variants.append((name, command(text)))

    work = tempfile.mkdtemp(prefix="chaos4j-bench-")
    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    javac = os.path.join(os.environ["JAVA_HOME"], "bin", "javac") if os.environ.get("JAVA_HOME") else "javac"
    # -parameters: the java activities bind Baseline.get's argument by name
    subprocess.run([javac, "-parameters", "-d", work, os.path.join(HERE, "Baseline.java")],
                   check=True)
    baseline = [java] + LAUNCHER_FLAGS + ["-cp", work, "Baseline"]

    server = CannedServer() if opts.server == "canned" else StdlibServer(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()
    url = "http://127.0.0.1:%d/x" % port

    small = write_json(os.path.join(work, "small.json"), {
        "title": "small", "description": "d",
        "steady-state-hypothesis": {"title": "h", "probes": [
            {"type": "probe", "name": "p", "tolerance": 0,
             "provider": {"type": "process", "path": "true"}}]},
        "method": [{"type": "action", "name": "a", "provider": {"type": "http", "url": url}}]})

    def docs(kind, n):
        if kind == "java":
            provider = {"type": "java", "class": "Baseline", "method": "ok", "classpath": [work]}
            tolerance = True
        elif kind == "process":
            provider = {"type": "process", "path": "true"}
            tolerance = 0
        else:
            provider = {"type": "http", "url": url}
            tolerance = 200
        return write_json(os.path.join(work, "%s%d.json" % (kind, n)), experiment(
            [{"type": "probe", "name": "p%d" % i, "tolerance": tolerance, "provider": provider}
             for i in range(n)]))

    def paired(kind, n):
        """n times: the activity, a no-op, the same bare call in a java activity, two no-ops."""
        java = {"type": "java", "class": "Baseline", "classpath": [work]}
        if kind == "process":
            own = {"type": "process", "path": "true"}
            bare, tolerance = dict(java, method="spawn"), 0
        else:
            own = {"type": "http", "url": url}
            bare, tolerance = dict(java, method="get", arguments={"url": url}), 200
        noop = dict(java, method="ok")
        # first a no-op and a bare call: the java provider's and the JDK's one-time set-up (the
        # latter ~10 ms for the first child process) are paid before the first measured activity
        activities = [{"type": "probe", "name": "setup-noop", "tolerance": True, "provider": noop},
                      {"type": "probe", "name": "setup-bare", "tolerance": True, "provider": bare}]
        for i in range(n):
            for name, provider, expected in (("own", own, tolerance), ("noop1-", noop, True),
                                             ("bare", bare, True), ("noop2-", noop, True),
                                             ("noop3-", noop, True)):
                activities.append({"type": "probe", "name": "%s%d" % (name, i),
                                   "tolerance": expected, "provider": provider})
        return write_json(os.path.join(work, "%s-paired%d.json" % (kind, n)), experiment(activities))

    journal = os.path.join(work, "journal.json")
    pairs = {}  # label -> [(median overhead, mean overhead, own, bare call, no-op after no-op) per run, ms]

    def paired_run(cmd, doc, label):
        def run():
            result = timed(cmd + ["--no-log-file", "run", "--no-validation",
                                  "--journal-path", journal, doc], work)
            starts = [stamp(r["start"]) for r in read_json(journal)["run"]][2:]
            own, bare, noop, over = [], [], [], []
            for i in range(0, len(starts) - 5, 5):
                c = [starts[i + k + 1] - starts[i + k] for k in range(5)]
                own.append(c[0]), bare.append(c[2]), noop.append(c[4])
                over.append(c[0] + c[1] - c[2] - c[3] + c[4])
            pairs.setdefault(label, []).append(
                (statistics.median(over) * 1000, statistics.mean(over) * 1000)
                + tuple(statistics.median(x) * 1000 for x in (own, bare, noop)))
            return result
        return run

    phases = {}  # label -> [(start to first activity, activities, last activity to exit)]
    cycles = {}  # label -> [median seconds from one activity's start to the next one's, per run]

    def chaos_run(cmd, doc, label):
        def run():
            started = time.time()
            result = timed(cmd + ["--no-log-file", "run", "--no-validation",
                                  "--journal-path", journal, doc], work)
            ended = time.time()
            records = read_json(journal)["run"]
            first, last = stamp(records[0]["start"]), stamp(records[-1]["end"])
            phases.setdefault(label, []).append((first - started, last - first, ended - last))
            starts = [stamp(r["start"]) for r in records]
            if len(starts) > 2:
                cycles.setdefault(label, []).append(
                    statistics.median(b - a for a, b in zip(starts, starts[1:])))
            return result
        return run

    sizes = {"java": 1000, "process": 200, "http": 1000}
    for size in opts.size:
        kind, _, n = size.partition("=")
        sizes[kind] = int(n)
    only = set(filter(None, opts.only.split(",")))
    wanted = lambda fig: not only or fig in only

    # label -> zero-argument function returning (wall, rss)
    jobs = {}
    if wanted("version") or wanted("validate"):
        jobs["baseline hello"] = lambda: timed(baseline + ["hello"], work)
    for name, cmd in variants:
        if wanted("version"):
            jobs[name + " version"] = (lambda c: lambda: timed(c + ["--version"], work))(cmd)
        if wanted("validate"):
            jobs[name + " validate"] = (lambda c: lambda: timed(
                c + ["--no-log-file", "validate", small], work))(cmd)
        for kind, n in sizes.items():
            fig = "%s-%d" % (kind, n)
            if wanted(fig):
                jobs["%s %s-1" % (name, kind)] = chaos_run(cmd, docs(kind, 1), "%s %s-1" % (name, kind))
                jobs["%s %s" % (name, fig)] = chaos_run(cmd, docs(kind, n), "%s %s" % (name, fig))
    for name, cmd in variants:
        for kind in ("process", "http"):
            if wanted("%s-paired" % kind):
                label = "%s %s-paired-%d" % (name, kind, sizes[kind])
                jobs[label] = paired_run(cmd, paired(kind, sizes[kind]), label)
    if wanted("process-%d" % sizes["process"]):
        for mode in ("process", "process-threads"):
            for n in (1, sizes["process"]):
                jobs["baseline %s-%d" % (mode, n)] = (lambda m, k: lambda: timed(
                    baseline + [m, str(k)], work))(mode, n)
    if wanted("http-%d" % sizes["http"]):
        for mode in ("raw", "http", "urlconnection"):
            for n in (1, sizes["http"]):
                jobs["baseline %s-%d" % (mode, n)] = (lambda m, k: lambda: timed(
                    baseline + [m, url, str(k)], work))(mode, n)

        def python_gets(n=sizes["http"]):
            conn = http.client.HTTPConnection("127.0.0.1", port)
            t0 = time.perf_counter()
            for _ in range(n):
                conn.request("GET", "/x")
                conn.getresponse().read()
            conn.close()
            return time.perf_counter() - t0, 0.0, 0.0
        # what the loopback server itself costs, client included
        jobs["python http-%d (in-process)" % sizes["http"]] = python_gets

    # warm the file cache (and let ./chaos build its jar and archive on first use); not measured
    for name, cmd in variants:
        timed(cmd + ["--no-log-file", "validate", small], work)
        timed(cmd + ["--no-log-file", "validate", small], work)

    print(machine(java))
    print("load average before: %.2f %.2f %.2f" % os.getloadavg())
    results = {label: [] for label in jobs}
    for _ in range(opts.runs):
        for label, fn in jobs.items():
            results[label].append(fn())
    server.shutdown()
    shutil.rmtree(work, ignore_errors=True)

    print("load average after: %.2f %.2f %.2f" % os.getloadavg())
    wall = {label: [r[0] for r in rs] for label, rs in results.items()}
    med = {label: statistics.median(w) for label, w in wall.items()}
    print("%d interleaved runs per figure; median (min..max)" % opts.runs)
    print("%-34s %-30s %-30s %s" % ("command", "wall", "CPU (user+sys)", "peak RSS"))
    for label, rs in results.items():
        rss, cpu = [r[1] for r in rs], [r[2] for r in rs]
        print("%-34s %-30s %-30s %s" % (label, fmt(wall[label]), fmt(cpu) if max(cpu) > 0 else "-",
                                        fmt(rss, "MiB", digits=1) if max(rss) > 0 else "-"))
    print()
    if "baseline hello" in med:
        for name, _ in variants:
            for fig in ("version", "validate"):
                key = "%s %s" % (name, fig)
                if key in med:
                    print("%s: %.3f s = %.2f x bare JVM start (%.3f s); %.3f s above it"
                          % (key, med[key], med[key] / med["baseline hello"], med["baseline hello"],
                             med[key] - med["baseline hello"]))
    for name, _ in variants:
        for kind, n in sizes.items():
            key, one = "%s %s-%d" % (name, kind, n), "%s %s-1" % (name, kind)
            if key not in med:
                continue
            marginal = (med[key] - med[one]) / (n - 1) * 1000
            line = "%s: %.3f s; 1 activity %.3f s; per activity %.3f ms" % (
                key, med[key], med[one], marginal)
            mode = BASELINE_OF.get(kind, kind)
            base, base1 = "baseline %s-%d" % (mode, n), "baseline %s-1" % mode
            if base in med:
                base_marginal = (med[base] - med[base1]) / (n - 1) * 1000
                line += "; baseline %.3f s (ratio %.2f), per call %.3f ms; engine overhead %.3f ms" % (
                    med[base], med[key] / med[base], base_marginal, marginal - base_marginal)
            else:
                line += " (no-op call: all of it is engine overhead)"
            if key in cycles:
                cycle = statistics.median(cycles[key]) * 1000
                line += "; steady state: %.3f ms per activity" % cycle
                if base in med:
                    line += ", engine overhead %.3f ms" % (cycle - base_marginal)
            print(line)
    if pairs:
        print()
        print("paired figures: engine overhead per activity, inside one run (see the top of this"
              " file): the median over a run's quintuplets (steady state) and their mean (the whole"
              " cold run, warm-up included); then median (min..max) over runs:")
        for label, values in pairs.items():
            print("%s: engine overhead %s steady, %s over the whole run; the activity %s, the bare"
                  " call in a java activity %s, a no-op java activity after a no-op %s" % (
                      label, *(fmt([v[k] for v in values], "ms") for k in range(5))))
    if phases:
        print()
        print("phases of the run figures, from the journal's timestamps; median (min..max):")
        for label, values in phases.items():
            print("%s: start to first activity %s; the activities %s; last activity to exit %s"
                  % (label, fmt([v[0] for v in values]), fmt([v[1] for v in values]),
                     fmt([v[2] for v in values])))
    for mode, kind, what in (("process-threads", "process", "ProcessBuilder runs, both streams"
                                                       " drained on pooled threads"),
                             ("http", "http", "GETs with java.net.http"),
                             ("urlconnection", "http", "GETs with HttpURLConnection")):
        n = sizes[kind]
        key, one = "baseline %s-%d" % (mode, n), "baseline %s-1" % mode
        if key in med:
            print("context: fresh JVM, %d %s: %.3f s; 1: %.3f s; per call %.3f ms"
                  % (n, what, med[key], med[one], (med[key] - med[one]) / (n - 1) * 1000))


if __name__ == "__main__":
    main()
