#!/usr/bin/env bash
# HTTP serving under a bounded load: fn4j's Knative adapter and its peers, one server at a time,
# side by side in one run (DESIGN.md §8, "HTTP serving").
#
#   benchmarks/http.sh               build the three servers, then measure them
#   benchmarks/http.sh --no-build    reuse the jars already built
#
# Every variant serves the same function, uppercase of a JSON record ({"message":"hello"} ->
# {"message":"HELLO"}), answering a binary-mode CloudEvent POST (ce-specversion, ce-id, ce-source,
# ce-type: uppercase; content-type: application/json):
#   fn4j-knative           benchmarks/http/fn4j-knative/target/fn4j-knative.jar, K_SERVICE set, POST /
#                          (POST /uppercase on the local runner if the jar has no Knative adapter)
#   quarkus-funqy-knative  Quarkus quarkus-funqy-knative-events, target/quarkus-app/quarkus-run.jar, POST /
#   scf-web                Spring Cloud Function web on Spring Boot (Tomcat), POST /uppercase
# For each: STARTS fresh starts on a free loopback port, each timed from spawning the JVM to the
# first successful (2xx, HELLO) response; the last start then serves WARMUP_SECONDS of wrk and the
# measured run, wrk -t$THREADS -c$CONNECTIONS -d${DURATION}s with benchmarks/http/cloudevent.lua
# (which counts non-2xx responses). Server CPU per request is utime+stime of the server process
# (/proc/<pid>/stat) over the measured run, divided by the requests wrk completed. Every JVM runs
# as `java $JVM_ARGS -jar <jar>` (JVM_ARGS empty by default: the JDK's defaults for every variant).
#
# Environment: STARTS (default 5), WARMUP_SECONDS (10), DURATION (20), THREADS (2),
# CONNECTIONS (64), JVM_ARGS (""), JAVA (default $JAVA_HOME/bin/java, else java), VARIANTS (a
# space-separated subset of: fn4j-knative quarkus-funqy-knative scf-web), RESULTS_DIR (default
# benchmarks/results).
# Output: $RESULTS_DIR/http.md (also printed); raw wrk output, server logs, every start and the
# first response of each variant under $RESULTS_DIR/http/.
# Exit status: non-zero when the fn4j variant could not be measured or saw any error
# (socket errors or non-2xx responses): a bounded load test of fn4j must show zero errors.
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

build=true
while [[ $# -gt 0 ]]; do
  case "$1" in
    --no-build) build=false ;;
    -h | --help) sed -n '2,29p' "$0"; exit 0 ;;
    *) echo "http.sh: unknown option $1" >&2; exit 2 ;;
  esac
  shift
done

for tool in wrk python3; do
  if ! command -v "$tool" >/dev/null; then
    echo "http.sh: needs $tool (apt-get install -y $tool)" >&2
    exit 1
  fi
done

if $build; then
  echo "== build (mvn -Pbench package)"
  start=$SECONDS
  # fn4j first and on its own: without it there is nothing to accept. Tests and formatting are
  # checked by the normal build; a measurement needs neither.
  (cd "$ROOT" && mvn -B -q -Pbench package -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -am -pl benchmarks/http/fn4j-knative)
  # The peers: a failed build is reported and the variant skipped (its jar is missing).
  if ! (cd "$ROOT" && mvn -B -q -Pbench package -Dmaven.test.skip=true -Dspotless.check.skip=true \
    -Dquarkus.build.skip=false --fail-at-end \
    -pl benchmarks/http/scf-web,benchmarks/http/quarkus-funqy-knative); then
    echo "http.sh: a peer did not build; it is skipped below if its jar is missing" >&2
  fi
  echo "built in $((SECONDS - start)) s"
fi

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
export JAVA HERE ROOT
export STARTS="${STARTS:-5}" WARMUP_SECONDS="${WARMUP_SECONDS:-10}" DURATION="${DURATION:-20}"
export THREADS="${THREADS:-2}" CONNECTIONS="${CONNECTIONS:-64}" JVM_ARGS="${JVM_ARGS:-}"
export VARIANTS="${VARIANTS:-}" RESULTS_DIR="${RESULTS_DIR:-$HERE/results}"

exec python3 - <<'PY'
import http.client, os, re, resource, shlex, signal, socket, statistics, subprocess, sys, time, zipfile
from datetime import datetime, timezone

HERE, ROOT, JAVA = os.environ["HERE"], os.environ["ROOT"], os.environ["JAVA"]
STARTS = int(os.environ["STARTS"])
WARMUP_SECONDS = int(os.environ["WARMUP_SECONDS"])
DURATION = int(os.environ["DURATION"])
THREADS = int(os.environ["THREADS"])
CONNECTIONS = int(os.environ["CONNECTIONS"])
JVM_ARGS = shlex.split(os.environ["JVM_ARGS"])
RESULTS = os.environ["RESULTS_DIR"]
RAW = f"{RESULTS}/http"
SCRIPT = f"{HERE}/http/cloudevent.lua"
BODY = b'{"message":"hello"}'
CE_HEADERS = {"ce-specversion": "1.0", "ce-id": "1", "ce-source": "/bench", "ce-type": "uppercase",
              "content-type": "application/json"}
START_TIMEOUT = 120.0
CLK_TCK = os.sysconf("SC_CLK_TCK")
FN4J = "fn4j-knative"
FUNQY = "quarkus-funqy-knative"
SCF = "scf-web"
BUILD_HINT = ("benchmarks/http.sh (without --no-build), or from the repository root: "
              "mvn -B -q -Pbench package -DskipTests -Dquarkus.build.skip=false -am -pl "
              "benchmarks/http/fn4j-knative,benchmarks/http/scf-web,benchmarks/http/quarkus-funqy-knative")

FN4J_JAR = f"{HERE}/http/fn4j-knative/target/fn4j-knative.jar"


def fn4j_has_knative(jar):
    """True when the jar lists a Knative platform among fn4j's platforms (the adapter is in it)."""
    try:
        with zipfile.ZipFile(jar) as z:
            services = "META-INF/services/dev.fn4j.core.platform.Platform"
            return services in z.namelist() and "knative" in z.read(services).decode().lower()
    except (OSError, zipfile.BadZipFile):
        return False


knative = fn4j_has_knative(FN4J_JAR)
# (variant, jar, size shown, path, how it is served, environment beyond the port)
VARIANTS = [
    (FN4J, FN4J_JAR, FN4J_JAR, "/" if knative else "/uppercase",
     "fn4j Knative adapter, POST /" if knative
     else "fn4j local runner, POST /uppercase (no Knative adapter in the jar: K_SERVICE is ignored)",
     lambda port: {"K_SERVICE": "bench", "K_CONFIGURATION": "bench", "K_REVISION": "bench-00001",
                   "PORT": str(port), "FN4J_HTTP_HOST": "127.0.0.1"}),
    (FUNQY, f"{HERE}/http/quarkus-funqy-knative/target/quarkus-app/quarkus-run.jar",
     f"{HERE}/http/quarkus-funqy-knative/target/quarkus-app",
     "/", "Quarkus Funqy Knative events (JVM mode), POST /",
     lambda port: {"QUARKUS_HTTP_HOST": "127.0.0.1", "QUARKUS_HTTP_PORT": str(port)}),
    (SCF, f"{HERE}/http/scf-web/target/scf-web.jar", f"{HERE}/http/scf-web/target/scf-web.jar",
     "/uppercase", "Spring Cloud Function web (Spring Boot, Tomcat), POST /uppercase",
     lambda port: {"SERVER_ADDRESS": "127.0.0.1", "SERVER_PORT": str(port)}),
]
chosen = os.environ["VARIANTS"].split()
if chosen:
    known = [v[0] for v in VARIANTS]
    unknown = set(chosen) - set(known)
    if unknown:
        sys.exit(f"http.sh: unknown VARIANTS {sorted(unknown)}; known: {known}")
    VARIANTS = [v for v in VARIANTS if v[0] in chosen]

# Nothing from the caller's environment may configure a server or the JVM.
BASE_ENV = {k: v for k, v in os.environ.items()
            if not k.startswith(("FN4J_", "K_", "PORT", "SPRING_", "SERVER_", "QUARKUS_", "LOGGING_",
                                 "JAVA_TOOL_OPTIONS", "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"))}
os.makedirs(RAW, exist_ok=True)


def log(message):
    print(message, file=sys.stderr, flush=True)


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def post(port, path, timeout=10.0):
    conn = http.client.HTTPConnection("127.0.0.1", port, timeout=timeout)
    try:
        conn.request("POST", path, body=BODY, headers=CE_HEADERS)
        response = conn.getresponse()
        return response.status, response.getheaders(), response.read()
    finally:
        conn.close()


class Server:
    def __init__(self, variant, jar, path, env, log_path):
        self.variant, self.path, self.port = variant, path, free_port()
        self.log = open(log_path, "ab")
        self.log.write(f"\n=== start {datetime.now(timezone.utc).isoformat()} port {self.port}\n".encode())
        self.log.flush()
        argv = [JAVA, *JVM_ARGS, "-jar", jar]
        actions = [(os.POSIX_SPAWN_DUP2, self.log.fileno(), 1),
                   (os.POSIX_SPAWN_DUP2, self.log.fileno(), 2)]
        self.started = time.perf_counter()  # CLOCK_MONOTONIC
        self.pid = os.posix_spawnp(JAVA, argv, dict(BASE_ENV, **env(self.port)), file_actions=actions)
        self.exit = None

    def alive(self):
        if self.exit is None:
            pid, status = os.waitpid(self.pid, os.WNOHANG)
            if pid:
                self.exit = os.waitstatus_to_exitcode(status)
        return self.exit is None

    def first_response(self):
        """Seconds from spawning the JVM to the first 2xx answer holding HELLO, and that answer."""
        deadline = self.started + START_TIMEOUT
        while time.perf_counter() < deadline:
            if not self.alive():
                return None, f"the server exited with status {self.exit} before answering"
            try:
                status, headers, body = post(self.port, self.path)
                if 200 <= status < 300 and b"HELLO" in body:
                    return time.perf_counter() - self.started, (status, headers, body)
            except OSError:
                pass
            time.sleep(0.005)
        return None, f"no successful response within {START_TIMEOUT:.0f} s"

    def cpu_seconds(self):
        with open(f"/proc/{self.pid}/stat") as f:
            fields = f.read().rsplit(")", 1)[1].split()
        return (int(fields[11]) + int(fields[12])) / CLK_TCK  # utime, stime (fields 14, 15)

    def status_kib(self, key):
        with open(f"/proc/{self.pid}/status") as f:
            for line in f:
                if line.startswith(key + ":"):
                    return int(line.split()[1])
        return 0

    def threads(self):
        return self.status_kib("Threads")

    def stop(self):
        """SIGTERM, then SIGKILL after 20 s; returns the seconds the server took to exit."""
        begin = time.perf_counter()
        if self.alive():
            os.kill(self.pid, signal.SIGTERM)
            while self.alive() and time.perf_counter() - begin < 20:
                time.sleep(0.01)
            if self.alive():
                os.kill(self.pid, signal.SIGKILL)
                os.waitpid(self.pid, 0)
                self.exit = -9
        took = time.perf_counter() - begin
        self.log.write(f"=== stopped: exit {self.exit} after {took:.2f} s\n".encode())
        self.log.close()
        return took


def wrk(port, path, seconds, out_path):
    argv = ["wrk", f"-t{THREADS}", f"-c{CONNECTIONS}", f"-d{seconds}s", "--latency", "-s", SCRIPT,
            f"http://127.0.0.1:{port}{path}"]
    result = subprocess.run(argv, capture_output=True, text=True)
    with open(out_path, "w") as f:
        f.write("$ " + " ".join(argv) + "\n" + result.stdout + result.stderr)
    if result.returncode != 0:
        raise RuntimeError(f"wrk exited with {result.returncode}: {result.stderr.strip()[-300:]}")
    return result.stdout


UNITS = {"us": 1e-3, "ms": 1.0, "s": 1e3, "m": 60e3}


def parse_wrk(text):
    def latency(pct):
        m = re.search(rf"^\s*{pct}%\s+([\d.]+)(us|ms|s|m)\s*$", text, re.M)
        return float(m.group(1)) * UNITS[m.group(2)] if m else float("nan")

    requests = int(re.search(r"(\d+) requests in ([\d.]+)(\w+)", text).group(1))
    rps = float(re.search(r"Requests/sec:\s+([\d.]+)", text).group(1))
    m = re.search(r"Socket errors: connect (\d+), read (\d+), write (\d+), timeout (\d+)", text)
    socket_errors = sum(int(g) for g in m.groups()) if m else 0
    non2xx = int(re.search(r"^non-2xx: (\d+)", text, re.M).group(1))
    sample = re.search(r"^first-non-2xx: (.*)$", text, re.M)
    return {"requests": requests, "rps": rps, "p50": latency(50), "p99": latency(99),
            "socket_errors": socket_errors, "non2xx": non2xx,
            "errors": socket_errors + non2xx, "sample": sample.group(1) if sample else ""}


def machine_busy_seconds():
    """CPU seconds spent outside idle and iowait by the whole machine since boot (/proc/stat)."""
    with open("/proc/stat") as f:
        user, nice, system, idle, iowait, irq, softirq, steal = (int(v) for v in f.readline().split()[1:9])
    return (user + nice + system + irq + softirq + steal) / CLK_TCK


def children_cpu_seconds():
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def size_mib(path):
    if os.path.isdir(path):
        return sum(os.path.getsize(os.path.join(d, f)) for d, _, fs in os.walk(path) for f in fs) / 2**20
    return os.path.getsize(path) / 2**20


def measure(variant, jar, path, env):
    log_path = f"{RAW}/{variant}-server.log"
    if os.path.exists(log_path):
        os.remove(log_path)
    starts, server = [], None
    for n in range(1, STARTS + 1):
        server = Server(variant, jar, path, env, log_path)
        seconds, answer = server.first_response()
        if seconds is None:
            server.stop()
            return {"failed": f"start {n}: {answer} (see http/{variant}-server.log)"}
        starts.append(seconds)
        log(f"  start {n}/{STARTS}: first response after {seconds:.3f} s")
        if n == 1:
            status, headers, body = answer
            with open(f"{RAW}/{variant}-first-response.txt", "w") as f:
                f.write(f"POST {path} (binary-mode CloudEvent)\n\nHTTP {status}\n")
                f.writelines(f"{k}: {v}\n" for k, v in headers)
                f.write("\n" + body.decode("utf-8", "replace") + "\n")
        if n < STARTS:
            server.stop()
    try:
        log(f"  warm-up: {WARMUP_SECONDS} s of wrk")
        warm = parse_wrk(wrk(server.port, path, WARMUP_SECONDS, f"{RAW}/{variant}-warmup.txt"))
        time.sleep(1)
        log(f"  measured: wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s")
        cpu_before, busy_before, wrk_before = server.cpu_seconds(), machine_busy_seconds(), children_cpu_seconds()
        window = time.perf_counter()
        out = wrk(server.port, path, DURATION, f"{RAW}/{variant}-load.txt")
        window = time.perf_counter() - window
        cpu_after, busy_after, wrk_after = server.cpu_seconds(), machine_busy_seconds(), children_cpu_seconds()
        result = parse_wrk(out)
        # Who used the cores during the measured run: the server, wrk, and anything else (which
        # disturbs the measurement; it should be near zero).
        result.update(wrk_cpu_s=wrk_after - wrk_before, window_s=window,
                      other_cpu_s=max(0.0, (busy_after - busy_before) - (cpu_after - cpu_before)
                                      - (wrk_after - wrk_before)))
        result.update(
            starts=starts, warm_errors=warm["errors"], warm_sample=warm["sample"],
            cpu_s=cpu_after - cpu_before,
            cpu_us=(cpu_after - cpu_before) * 1e6 / result["requests"] if result["requests"] else float("nan"),
            rss_mib=server.status_kib("VmRSS") / 1024, peak_rss_mib=server.status_kib("VmHWM") / 1024,
            threads=server.threads(), alive=server.alive())
        # One more request after the load: still answering correctly?
        try:
            status, _, body = post(server.port, path)
            result["after"] = "ok" if 200 <= status < 300 and b"HELLO" in body else f"HTTP {status}"
        except OSError as e:
            result["after"] = f"failed: {e}"
    except Exception as e:  # wrk failed or output unreadable: reported as this variant's failure
        result = {"failed": f"load: {e}"}
    finally:
        result_stop = server.stop()
    result["stop_s"] = result_stop
    return result


def machine():
    java = subprocess.run([JAVA, *JVM_ARGS, "-XX:+PrintCommandLineFlags", "-version"],
                          capture_output=True, text=True)
    lines = (java.stdout + java.stderr).splitlines()
    wrk_version = subprocess.run(["wrk", "-v"], capture_output=True, text=True)
    commit = subprocess.run(["git", "-C", ROOT, "rev-parse", "--short", "HEAD"],
                            capture_output=True, text=True).stdout.strip() or "unknown"
    dirty = subprocess.run(["git", "-C", ROOT, "status", "--porcelain"],
                           capture_output=True, text=True).stdout.strip()
    cpu = next((l.split(":", 1)[1].strip() for l in open("/proc/cpuinfo") if l.startswith("model name")), "?")
    mem = next((int(l.split()[1]) for l in open("/proc/meminfo") if l.startswith("MemTotal")), 0)
    return {
        "date": datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%SZ"),
        "commit": commit + (" (with uncommitted changes)" if dirty else ""),
        "cpu": f"{cpu}, {os.cpu_count()} cores, {mem / 1048576:.1f} GiB",
        "java": next((l for l in lines if "version" in l), JAVA),
        "flags": next((l for l in lines if l.startswith("-XX")), "?")
        .replace("-XX:+PrintCommandLineFlags", "").split(),
        "wrk": (wrk_version.stdout + wrk_version.stderr).splitlines()[0].split(" Copyright")[0],
    }


info = machine()
busy = machine_busy_seconds()
time.sleep(3)
busy = (machine_busy_seconds() - busy) / (3 * os.cpu_count())
if busy > 0.2:
    log(f"http.sh: warning: the machine is {100 * busy:.0f}% busy before the first server starts; "
        "the figures will be disturbed (see 'anything else' in the notes)")
results = {}
for variant, jar, size_of, path, how, env in VARIANTS:
    if not os.path.isfile(jar):
        results[variant] = {"skipped": f"jar missing ({os.path.relpath(jar, ROOT)}); build it with {BUILD_HINT}"}
        log(f"== {variant}: SKIPPED, {results[variant]['skipped']}")
        continue
    log(f"== {variant}: {how}")
    results[variant] = measure(variant, jar, path, env)
    r = results[variant]
    if "failed" in r:
        log(f"  FAILED: {r['failed']}")
    else:
        log(f"  {r['rps']:,.0f} req/s, p50 {r['p50']:.2f} ms, p99 {r['p99']:.2f} ms, errors {r['errors']}"
            f" ({r['socket_errors']} socket, {r['non2xx']} non-2xx), {r['cpu_us']:.1f} us CPU/request")
    time.sleep(2)  # let the machine settle between servers


def fmt(value, pattern):
    return pattern.format(value) if value == value else "n/a"


rows = []
for variant, jar, size_of, path, how, env in VARIANTS:
    r = results[variant]
    if "skipped" in r or "failed" in r:
        rows.append(f"| {variant} | {how} | {r.get('skipped') or 'FAILED: ' + r['failed']} | | | | | | | |")
        continue
    s = r["starts"]
    rows.append(
        f"| {variant} | {how} | {statistics.median(s):.3f} ({min(s):.3f}-{max(s):.3f}) | "
        f"{r['rps']:,.0f} | {r['p50']:.2f} | {r['p99']:.2f} | "
        f"{r['errors']} ({r['socket_errors']} socket, {r['non2xx']} non-2xx) | {r['cpu_us']:.1f} | "
        f"{r['peak_rss_mib']:.0f} | {size_mib(size_of):.1f} |")


def ok(variant):
    r = results.get(variant, {})
    return r if r and "skipped" not in r and "failed" not in r else None


fn4j, funqy, scf = ok(FN4J), ok(FUNQY), ok(SCF)
targets = []


def target(name, goal, measured, met):
    targets.append(f"| {name} | {goal} | {measured} | {met} |")


def by(ratio, lower_is_better):
    """'yes' or 'no, by N%' for a ratio fn4j/peer against a goal of 1.0."""
    if lower_is_better:
        return "yes" if ratio <= 1.0 else f"no, {100 * (ratio - 1):.0f}% over"
    return "yes" if ratio >= 1.0 else f"no, {100 * (1 - ratio):.0f}% short"


if fn4j:
    start = statistics.median(fn4j["starts"])
    target("start to first response", "≤ 0.3 s", f"{start:.3f} s",
           "yes" if start <= 0.3 else f"no, {start - 0.3:.3f} s over")
    if funqy:
        rps = fn4j["rps"] / funqy["rps"]
        target("throughput", "≥ Funqy's", f"{fn4j['rps']:,.0f} against {funqy['rps']:,.0f} req/s: **{rps:.2f}x**",
               by(rps, False))
        cpu = fn4j["cpu_us"] / funqy["cpu_us"]
        target("server CPU per request", "≤ Funqy's",
               f"{fn4j['cpu_us']:.1f} against {funqy['cpu_us']:.1f} us: **{cpu:.2f}x**", by(cpu, True))
        p99 = fn4j["p99"] / funqy["p99"]
        target("p99 latency", "≤ Funqy's", f"{fn4j['p99']:.2f} against {funqy['p99']:.2f} ms: **{p99:.2f}x**",
               by(p99, True))
    else:
        for name in ("throughput", "server CPU per request", "p99 latency"):
            target(name, "≤/≥ Funqy's", "Funqy not measured in this run", "n/a")
    if scf:
        x = fn4j["rps"] / scf["rps"]
        target("throughput against Spring Cloud Function web", "≥ 6x",
               f"{fn4j['rps']:,.0f} against {scf['rps']:,.0f} req/s: **{x:.1f}x**",
               "yes" if x >= 6 else f"no, {x:.1f}x of 6x")
    else:
        target("throughput against Spring Cloud Function web", "≥ 6x", "SCF not measured in this run", "n/a")
    target("errors under load", "0", f"{fn4j['errors']} ({fn4j['socket_errors']} socket, {fn4j['non2xx']} non-2xx)"
           f"; warm-up {fn4j['warm_errors']}", "yes" if fn4j["errors"] == 0 and fn4j["warm_errors"] == 0 else "**no**")

notes = []
for variant, *_ in VARIANTS:
    r = ok(variant)
    if not r:
        continue
    extra = []
    if r["warm_errors"]:
        extra.append(f"{r['warm_errors']} errors during the warm-up")
    if r["sample"] or r["warm_sample"]:
        extra.append(f"first non-2xx: `{(r['sample'] or r['warm_sample'])[:160]}`")
    if r["after"] != "ok":
        extra.append(f"request after the load: {r['after']}")
    cores = os.cpu_count() * r["window_s"]
    extra.append(f"measured run: server {r['cpu_s']:.1f} s CPU ({100 * r['cpu_s'] / cores:.0f}% of the cores), "
                 f"wrk {r['wrk_cpu_s']:.1f} s ({100 * r['wrk_cpu_s'] / cores:.0f}%), anything else "
                 f"{r['other_cpu_s']:.1f} s ({100 * r['other_cpu_s'] / cores:.0f}%)")
    extra.append(f"{r['threads']} threads and {r['rss_mib']:.0f} MiB RSS after the load; "
                 f"stopped (SIGTERM) in {r['stop_s']:.2f} s")
    notes.append(f"- {variant}: " + "; ".join(extra))

report = f"""# HTTP serving: binary-mode CloudEvent, one server at a time

{info['date']}; commit {info['commit']}; {info['cpu']}; {info['java']}; {info['wrk']}.
The cores were {100 * busy:.0f}% busy in the 3 s before the first server started (the notes below show what
else ran during each measured run). wrk runs on the same machine as the server (loopback), so the two
share the cores.

Every server: `java {' '.join(JVM_ARGS) + ' ' if JVM_ARGS else ''}-jar <jar>`, the same JVM flags for every variant
(JDK defaults{', plus JVM_ARGS' if JVM_ARGS else ''}; the JVM reports `{' '.join(info['flags'])}`). Each answers `uppercase`,
`{{"message":"hello"}}` -> `{{"message":"HELLO"}}`, to a binary-mode CloudEvent POST (`ce-specversion: 1.0`,
`ce-id: 1`, `ce-source: /bench`, `ce-type: uppercase`, `content-type: application/json`).
Start to first response: median (min-max) of {STARTS} fresh starts, JVM spawn to the first 2xx response
holding `HELLO`. Then {WARMUP_SECONDS} s of warm-up and the measured run,
`wrk -t{THREADS} -c{CONNECTIONS} -d{DURATION}s --latency -s benchmarks/http/cloudevent.lua`; errors are wrk's
socket errors plus non-2xx responses; server CPU per request is utime+stime of the server process
over the measured run divided by the requests completed. jar MiB: the deployable (Quarkus: the
whole `quarkus-app/` directory). Raw output: `http/` beside this file.

| variant | served by | start to first response s | requests/s | p50 ms | p99 ms | errors | server CPU/request us | peak RSS MiB | jar MiB |
|---|---|---|---:|---:|---:|---|---:|---:|---:|
""" + "\n".join(rows) + "\n"
if targets:
    report += """
DESIGN.md §8 targets for fn4j, measured in this run:

| target | DESIGN.md §8 | measured | met? |
|---|---|---|---|
""" + "\n".join(targets) + "\n"
if funqy or scf:
    ratio_rows = []
    for variant, *_ in VARIANTS:
        r = ok(variant)
        if not r:
            continue
        cells = [variant]
        for peer in (funqy, scf):
            cells.append(f"{r['rps'] / peer['rps']:.2f}x" if peer else "n/a")
        ratio_rows.append("| " + " | ".join(cells) + " |")
    report += """
Throughput ratios:

| variant | vs Funqy | vs SCF web |
|---|---:|---:|
""" + "\n".join(ratio_rows) + "\n"
if notes:
    report += ("\nNotes (\"anything else\" is CPU used by other processes during the measured run: "
               "more than a few percent means the machine was not quiet and the run should be repeated):\n\n"
               + "\n".join(notes) + "\n")

with open(f"{RESULTS}/http.md", "w") as f:
    f.write(report)
print(report)

r = results.get(FN4J)
if r is None:
    log("http.sh: fn4j-knative was not among VARIANTS: nothing to accept")
    sys.exit(0)
if not ok(FN4J):
    log(f"http.sh: fn4j-knative was not measured: {r.get('skipped') or r.get('failed')}")
    sys.exit(1)
if r["errors"] or r["warm_errors"] or r["after"] != "ok":
    log(f"http.sh: fn4j-knative saw errors under load ({r['errors']} measured, {r['warm_errors']} in the "
        f"warm-up; after the load: {r['after']})")
    sys.exit(1)
PY
