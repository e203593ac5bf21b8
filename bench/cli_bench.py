#!/usr/bin/env python3
"""chaos4j command-line benchmarks (not run in CI).

Measures, each as the median of --runs runs with its spread (min..max), and each beside a
baseline measured in the same run so that ratios stay meaningful on a noisy shared machine:

  validate     cold `chaos validate` of a small experiment  | baseline: `java -version` (bare JVM start)
  process-200  `chaos run`, 200 process probes `true`       | baseline: a shell spawning `true` 200 times
  http-1000    `chaos run`, 1000 http probes on loopback    | baseline: 1000 keep-alive GETs from Python
  peak RSS     max resident set size of each chaos command (from wait4)

Engine overhead per activity = (run time - cold start - baseline work) / activities.

Usage: python3 bench/cli_bench.py [--runs 7] [--chaos ./chaos]
"""
import argparse
import http.client
import http.server
import json
import os
import shlex
import socketserver
import statistics
import subprocess
import sys
import tempfile
import threading
import time


class Handler(http.server.BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"

    def do_GET(self):
        body = b'{"ok": true}'
        self.send_response(200)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, *args):
        pass


class Server(socketserver.ThreadingMixIn, http.server.HTTPServer):
    daemon_threads = True


def timed(cmd, cwd):
    """Wall seconds and peak RSS (MiB) of one command; fails loudly on a non-zero exit."""
    t0 = time.perf_counter()
    p = subprocess.Popen(cmd, cwd=cwd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(p.pid, 0)
    wall = time.perf_counter() - t0
    p.returncode = os.waitstatus_to_exitcode(status)
    err = p.stderr.read().decode(errors="replace")
    p.stderr.close()
    if p.returncode != 0:
        sys.exit("command failed (%d): %s\n%s" % (p.returncode, " ".join(cmd), err[-2000:]))
    return wall, usage.ru_maxrss / 1024.0


def series(fn, runs):
    values = [fn() for _ in range(runs)]
    return values


def fmt(values, unit="s", scale=1.0):
    med = statistics.median(values) * scale
    return "%.3f %s (%.3f..%.3f)" % (med, unit, min(values) * scale, max(values) * scale)


def experiment(activities):
    return {"title": "bench", "description": "bench", "method": activities}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=7)
    ap.add_argument("--chaos", default="./chaos")
    opts = ap.parse_args()
    chaos = [os.path.abspath(w) if os.path.exists(w) else w for w in shlex.split(opts.chaos)]
    prefix = chaos + ["--no-log-file"]
    work = tempfile.mkdtemp(prefix="chaos4j-bench-")

    server = Server(("127.0.0.1", 0), Handler)
    port = server.server_address[1]
    threading.Thread(target=server.serve_forever, daemon=True).start()

    small = os.path.join(work, "small.json")
    with open(small, "w") as f:
        json.dump({"title": "small", "description": "d",
                   "steady-state-hypothesis": {"title": "h", "probes": [
                       {"type": "probe", "name": "p", "tolerance": 0,
                        "provider": {"type": "process", "path": "true"}}]},
                   "method": [{"type": "action", "name": "a",
                               "provider": {"type": "http", "url": "http://127.0.0.1:%d/" % port}}]}, f)
    procs = os.path.join(work, "process200.json")
    with open(procs, "w") as f:
        json.dump(experiment([{"type": "probe", "name": "p%d" % i,
                               "provider": {"type": "process", "path": "true"}} for i in range(200)]), f)
    https = os.path.join(work, "http1000.json")
    with open(https, "w") as f:
        json.dump(experiment([{"type": "probe", "name": "h%d" % i, "tolerance": 200,
                               "provider": {"type": "http", "url": "http://127.0.0.1:%d/x" % port}}
                              for i in range(1000)]), f)
    journal = os.path.join(work, "journal.json")

    def run(doc):
        return timed(prefix + ["run", "--no-validation", "--journal-path", journal, doc], work)

    def shell_200():
        t0 = time.perf_counter()
        subprocess.run(["sh", "-c", "i=0; while [ $i -lt 200 ]; do true; i=$((i+1)); done"], check=True)
        return time.perf_counter() - t0

    def python_1000():
        conn = http.client.HTTPConnection("127.0.0.1", port)
        t0 = time.perf_counter()
        for _ in range(1000):
            conn.request("GET", "/x")
            conn.getresponse().read()
        conn.close()
        return time.perf_counter() - t0

    java = os.path.join(os.environ["JAVA_HOME"], "bin", "java") if os.environ.get("JAVA_HOME") else "java"
    run(small)  # warm the file cache and build once; not measured
    rows = []
    for label, fn in (("validate", lambda: timed(prefix + ["validate", small], work)),
                      ("process-200", lambda: run(procs)),
                      ("http-1000", lambda: run(https))):
        rs = series(fn, opts.runs)
        rows.append((label, [r[0] for r in rs], [r[1] for r in rs]))
    jvm = series(lambda: timed([java, "-version"], work)[0], opts.runs)
    sh200 = series(shell_200, opts.runs)
    py1000 = series(python_1000, opts.runs)
    server.shutdown()

    med = {label: statistics.median(w) for label, w, _ in rows}
    print("runs per figure: %d; median (min..max)" % opts.runs)
    print("%-12s %-28s %-22s" % ("command", "wall", "peak RSS"))
    for label, w, r in rows:
        print("%-12s %-28s %-22s" % (label, fmt(w), fmt(r, "MiB")))
    print("baselines: java -version %s; sh 200x true %s; python 1000 keep-alive GETs %s"
          % (fmt(jvm), fmt(sh200), fmt(py1000)))
    print("ratios: validate / java -version = %.2f" % (med["validate"] / statistics.median(jvm)))
    start = med["validate"]
    print("engine overhead per activity, process-200: %.3f ms"
          % ((med["process-200"] - start - statistics.median(sh200)) / 200 * 1000))
    print("engine overhead per activity, http-1000: %.3f ms (beyond a Python client's own GET time)"
          % ((med["http-1000"] - start - statistics.median(py1000)) / 1000 * 1000))
    print("http-1000 run minus cold start: %.3f s" % (med["http-1000"] - start))


if __name__ == "__main__":
    main()
