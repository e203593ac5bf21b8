#!/usr/bin/env python3
"""chaos4j fault proxy benchmarks (not run in CI).

Every proxied figure sits beside the same measurement over a direct loopback connection, taken in
the same run, interleaved (round robin) so that a burst of load on a shared machine hits both:

  figure            tool                                   through the proxy / direct
  bulk-1            iperf3, 1 stream, client to server      proxy "iperf" (no toxic) / iperf3 server
  bulk-P            iperf3, P parallel streams (-P)         idem
  rtt               sockperf ping-pong, 64-byte messages,   proxy "pingpong" (no toxic) / sockperf
                    full round trip, p50 and p99           server
  latency-100ms     sockperf ping-pong through a proxy      error = measured round trip - 100 ms
                    with a 100 ms downstream latency toxic  (the direct round trip is in it too)
  idle-conns        N idle connections held through the     RSS of the proxy's JVM before/after
                    proxy to a sink process                 (kB per connection)

Each figure is the median of --runs runs with its spread (min..max); ratios are between medians of
the same run. The load average is printed with each section: on a shared machine, read the figures
with it. Needs iperf3 and sockperf (Debian packages of those names) and a built proxy:

  ./mvnw -q -B -DskipTests package -pl proxy -am
  python3 bench/proxy_bench.py [--runs 5] [--seconds 3] [--parallel 4] [--conns 10000]
                               [--only bulk,rtt,latency,conns] [--jvm-opt=-XX:+UseParallelGC]...
                               [--io-threads N] [--epoll] [--jfr FILE]
"""
import argparse
import http.client
import json
import os
import re
import resource
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)


def load():
    return "load average %.2f %.2f %.2f" % os.getloadavg()


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def classpath():
    jars = [os.path.join(ROOT, "proxy", "target", name)
            for name in os.listdir(os.path.join(ROOT, "proxy", "target"))
            if name.startswith("chaos4j-proxy-") and name.endswith(".jar")]
    if not jars:
        sys.exit("no proxy jar: run ./mvnw -q -B -DskipTests package -pl proxy -am first")
    out = os.path.join(tempfile.gettempdir(), "chaos4j-proxy-bench.cp")
    base = [os.path.join(ROOT, "mvnw"), "-q", "-B", "dependency:build-classpath", "-pl", "proxy",
            "-DincludeScope=runtime", "-Dmdep.outputFile=" + out]
    if subprocess.run(base[:3] + ["-o"] + base[3:], cwd=ROOT).returncode != 0:
        subprocess.run(base, cwd=ROOT, check=True)
    with open(out) as f:
        return jars[0] + os.pathsep + f.read().strip()


class Proxy:
    """The fault proxy server in its own JVM, driven through its HTTP API."""

    def __init__(self, args):
        command = ["java"] + args.jvm_opt
        if args.jfr:
            command.append("-XX:StartFlightRecording=filename=%s,settings=profile" % args.jfr)
        command += ["-cp", classpath(), os.path.join(HERE, "ProxyLauncher.java")]
        if args.io_threads:
            command += ["--io-threads", str(args.io_threads)]
        if args.epoll:
            command.append("--epoll")
        self.process = subprocess.Popen(command, stdin=subprocess.PIPE, stdout=subprocess.PIPE,
                                        text=True)
        line = self.process.stdout.readline().split()
        if len(line) != 3 or line[0] != "api":
            sys.exit("the proxy did not start: %r" % line)
        self.port = int(line[1])
        self.transport = line[2]

    def call(self, method, path, body=None):
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=30)
        conn.request(method, path, body=None if body is None else json.dumps(body))
        response = conn.getresponse()
        data = response.read()
        conn.close()
        if response.status >= 300:
            sys.exit("%s %s: %d %s" % (method, path, response.status, data))
        return json.loads(data) if data else None

    def create(self, name, upstream_port, toxics=()):
        created = self.call("POST", "/proxies", {"name": name, "listen": "127.0.0.1:0",
                                                 "upstream": "127.0.0.1:%d" % upstream_port})
        for toxic in toxics:
            self.call("POST", "/proxies/%s/toxics" % name, toxic)
        return int(created["listen"].rsplit(":", 1)[1])

    def rss_kb(self):
        with open("/proc/%d/status" % self.process.pid) as f:
            return int(re.search(r"VmRSS:\s+(\d+)", f.read()).group(1))

    def open_fds(self):
        return len(os.listdir("/proc/%d/fd" % self.process.pid))

    def close(self):
        self.process.stdin.close()
        try:
            self.process.wait(15)
        except subprocess.TimeoutExpired:
            self.process.kill()


def start(command):
    return subprocess.Popen(command, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)


def wait_listening(port):
    deadline = time.time() + 10
    while time.time() < deadline:
        try:
            socket.create_connection(("127.0.0.1", port), timeout=1).close()
            return
        except OSError:
            time.sleep(0.05)
    sys.exit("nothing listens on port %d" % port)


def iperf(port, seconds, streams):
    """Bytes per second received by the server, in GB/s (10^9 bytes)."""
    for _ in range(20):
        out = subprocess.run(["iperf3", "-c", "127.0.0.1", "-p", str(port), "-t", str(seconds),
                              "-P", str(streams), "-J"], capture_output=True, text=True,
                             timeout=seconds + 30)
        result = json.loads(out.stdout)
        # The server takes one test at a time; the previous one may still be winding down.
        if "busy" not in result.get("error", ""):
            break
        time.sleep(0.5)
    if "error" in result:
        sys.exit("iperf3: " + result["error"])
    return result["end"]["sum_received"]["bits_per_second"] / 8e9


def sockperf(port, seconds):
    """Round-trip p50 and p99 of 64-byte ping-pong, in microseconds."""
    out = subprocess.run(["sockperf", "ping-pong", "--tcp", "-i", "127.0.0.1", "-p", str(port),
                          "-m", "64", "-t", str(seconds), "--full-rtt"], capture_output=True,
                         text=True, timeout=seconds + 30).stdout
    found = dict(re.findall(r"percentile (\d+\.\d+) =\s+([\d.]+)", out))
    if "50.000" not in found:
        sys.exit("sockperf gave no percentiles:\n" + out)
    return float(found["50.000"]), float(found["99.000"])


SINK = r"""
import selectors, socket, sys, threading
# Holds every connection it accepts, and closes one when its peer ends it (the proxy forwards a
# client's FIN, half-closing, and keeps the connection until this side ends too).
server = socket.socket()
server.bind(("127.0.0.1", 0))
server.listen(4096)
server.setblocking(False)
print(server.getsockname()[1], flush=True)
selector = selectors.DefaultSelector()
selector.register(server, selectors.EVENT_READ)
def serve():
    while True:
        for key, _ in selector.select():
            if key.fileobj is server:
                try:
                    while True:
                        connection = server.accept()[0]
                        connection.setblocking(False)
                        selector.register(connection, selectors.EVENT_READ)
                except BlockingIOError:
                    pass
            else:
                try:
                    data = key.fileobj.recv(65536)
                except OSError:
                    data = b""
                if not data:
                    selector.unregister(key.fileobj)
                    key.fileobj.close()
threading.Thread(target=serve, daemon=True).start()
sys.stdin.read()
"""


def hold_connections(proxy, port, count):
    """Opens count idle connections through the proxy; returns the RSS growth in kB."""
    before = proxy.rss_kb()
    fds_before = proxy.open_fds()
    clients = []
    try:
        for _ in range(count):
            # Opening outpaces accepting; a full backlog makes the kernel retry the SYN later.
            clients.append(socket.create_connection(("127.0.0.1", port), timeout=60))
        time.sleep(1.0)  # the proxy opens the upstream sides asynchronously
        during = proxy.rss_kb()
    finally:
        for client in clients:
            client.close()
        # The next round needs the descriptors of this one back.
        deadline = time.time() + 60
        while proxy.open_fds() > fds_before + 50 and time.time() < deadline:
            time.sleep(0.2)
    return during - before, during


class Figures:
    def __init__(self):
        self.values = {}

    def add(self, name, value):
        self.values.setdefault(name, []).append(value)

    def median(self, name):
        return statistics.median(self.values[name])

    def line(self, name, unit, fmt="%.2f"):
        v = self.values[name]
        return ("%-22s " + fmt + " %s  (" + fmt + ".." + fmt + ", n=%d)") % (
            name, statistics.median(v), unit, min(v), max(v), len(v))


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--seconds", type=int, default=3, help="per iperf3 / sockperf run")
    parser.add_argument("--latency-seconds", type=int, default=10)
    parser.add_argument("--parallel", type=int, default=4)
    parser.add_argument("--conns", type=int, default=10000)
    parser.add_argument("--only", default="bulk,rtt,latency,conns")
    parser.add_argument("--jvm-opt", action="append", default=[])
    parser.add_argument("--io-threads", type=int, default=0)
    parser.add_argument("--epoll", action="store_true",
                        help="the proxy on Linux epoll rather than Java NIO (its default)")
    parser.add_argument("--jfr", help="record a JFR profile of the proxy to this file")
    args = parser.parse_args()
    only = set(args.only.split(","))
    for tool in ("iperf3", "sockperf", "java"):
        if not shutil.which(tool):
            sys.exit("needs %s on the PATH" % tool)
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    resource.setrlimit(resource.RLIMIT_NOFILE, (hard, hard))

    started = []
    proxy = Proxy(args)
    try:
        print("machine: %d processors, %s; proxy transport %s, JVM options %s" % (
            os.cpu_count(), cpu_model(), proxy.transport, args.jvm_opt or "default"))
        print("start:", load())
        iperf_port, sockperf_port = free_port(), free_port()
        started.append(start(["iperf3", "-s", "-p", str(iperf_port)]))
        started.append(start(["sockperf", "server", "--tcp", "-i", "127.0.0.1", "-p",
                              str(sockperf_port)]))
        wait_listening(iperf_port)
        wait_listening(sockperf_port)
        via_iperf = proxy.create("iperf", iperf_port)
        via_pp = proxy.create("pingpong", sockperf_port)
        via_latency = proxy.create("latency", sockperf_port, [
            {"name": "lat", "type": "latency", "stream": "downstream",
             "attributes": {"latency": 100}}])
        figures = Figures()
        # One untimed round to warm the JIT and the buffer pools.
        if "bulk" in only:
            iperf(via_iperf, 2, args.parallel)
        if "rtt" in only:
            sockperf(via_pp, 2)
        for run in range(args.runs):
            if "bulk" in only:
                for streams, name in ((1, "bulk-1"), (args.parallel, "bulk-%d" % args.parallel)):
                    figures.add(name + " direct", iperf(iperf_port, args.seconds, streams))
                    figures.add(name + " proxy", iperf(via_iperf, args.seconds, streams))
            if "rtt" in only:
                for name, port in (("direct", sockperf_port), ("proxy", via_pp)):
                    p50, p99 = sockperf(port, args.seconds)
                    figures.add("rtt p50 " + name, p50)
                    figures.add("rtt p99 " + name, p99)
            if "latency" in only:
                p50, p99 = sockperf(via_latency, args.latency_seconds)
                figures.add("latency p50 error", (p50 - 100_000) / 1000)
                figures.add("latency p99 error", (p99 - 100_000) / 1000)
            print("run %d done: %s" % (run + 1, load()), flush=True)
        print()
        report(figures, args)
        if "conns" in only:
            memory(proxy, args, figures, started)
            report_memory(figures)
        print("end:", load())
    finally:
        proxy.close()
        for process in started:
            process.terminate()
            process.wait(10)


def memory(proxy, args, figures, started):
    hard = resource.getrlimit(resource.RLIMIT_NOFILE)[1]
    # The proxy holds two sockets per connection, within the same limit as this process.
    count = min(args.conns, (hard - 2000) // 2)
    if count < args.conns:
        print("idle-conns: %d connections, not %d: the proxy needs two descriptors per connection"
              " and the limit is %d (ulimit -Hn)" % (count, args.conns, hard))
    sink = subprocess.Popen([sys.executable, "-c", SINK], stdin=subprocess.PIPE,
                            stdout=subprocess.PIPE, text=True)
    started.append(sink)
    sink_port = int(sink.stdout.readline())
    via = proxy.create("idle", sink_port)
    print("idle-conns: RSS before %d MB, %s" % (proxy.rss_kb() // 1024, load()))
    hold_connections(proxy, via, min(count, 1000))  # warm the paths once
    for _ in range(args.runs):
        grown, during = hold_connections(proxy, via, count)
        figures.add("idle-conns RSS", during / 1024)
        figures.add("idle-conns kB/conn", grown / count)
        print("idle-conns: %d held, RSS %d MB, %s" % (count, during // 1024, load()), flush=True)
    figures.add("idle-conns count", count)
    sink.stdin.close()


def report(figures, args):
    v = figures.values
    for name in ("bulk-1", "bulk-%d" % args.parallel):
        if name + " proxy" in v:
            print(figures.line(name + " direct", "GB/s"))
            print(figures.line(name + " proxy", "GB/s"))
            print("%-22s %.2f" % (name + " proxy/direct", figures.median(name + " proxy")
                                  / figures.median(name + " direct")))
    if "rtt p50 proxy" in v:
        for name in ("rtt p50 direct", "rtt p50 proxy", "rtt p99 direct", "rtt p99 proxy"):
            print(figures.line(name, "us", "%.1f"))
        print("%-22s %.1f us" % ("rtt p50 added", figures.median("rtt p50 proxy")
                                 - figures.median("rtt p50 direct")))
        print("%-22s %.2f" % ("rtt p50 proxy/direct", figures.median("rtt p50 proxy")
                              / figures.median("rtt p50 direct")))
    if "latency p50 error" in v:
        print(figures.line("latency p50 error", "ms", "%.3f"))
        print(figures.line("latency p99 error", "ms", "%.3f"))


def report_memory(figures):
    v = figures.values
    if "idle-conns RSS" in v:
        print("%-22s %d" % ("idle-conns count", v["idle-conns count"][0]))
        print(figures.line("idle-conns RSS", "MB", "%.0f"))
        print(figures.line("idle-conns kB/conn", "kB", "%.1f"))


def cpu_model():
    try:
        with open("/proc/cpuinfo") as f:
            return re.search(r"model name\s*:\s*(.*)", f.read()).group(1)
    except (OSError, AttributeError):
        return "unknown CPU"


if __name__ == "__main__":
    main()
