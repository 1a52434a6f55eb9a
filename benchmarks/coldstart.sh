#!/usr/bin/env bash
# Whole-process cold starts of fn4j and its peers, side by side in one run.
#
# Each run is a fresh JVM, started the same way for every variant:
#   java -cp <variant jar>:coldstart.jar dev.fn4j.bench.coldstart.ColdStartDriver <handler> <event>
# The driver creates the handler as the Lambda Java runtime does, invokes it once and exits. The
# wall time from launching the JVM to its exit is measured with a monotonic clock, and the peak
# RSS from the kernel's accounting of the child (wait4). The runs go round-robin over the variants
# (one round after another), so a slow minute of the machine hits every variant alike; the first
# round is a warm-up (page cache) and is not counted. A run whose standard output lacks the
# expected response counts as failed.
#
# Builds nothing. Build the jars first, from the repository root:
#   mvn -B -q -Pbench package -DskipTests -Dquarkus.build.skip=false
#
# Environment: N (measured rounds, default 10), WARMUP (rounds not counted, default 1),
# JAVA (the java command; default $JAVA_HOME/bin/java, else java on the PATH), VARIANTS (a
# space-separated subset of: noop handwritten fn4j fn4j-spring quarkus scf scf-warn; default all),
# RESULTS_DIR (default benchmarks/results).
# Output: $RESULTS_DIR/coldstart.md (also printed) and $RESULTS_DIR/coldstart-runs.csv.
set -euo pipefail

HERE="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
BUILD_COMMAND='mvn -B -q -Pbench package -DskipTests -Dquarkus.build.skip=false'

missing=0
for jar in \
  "$HERE/coldstart/target/coldstart.jar" \
  "$HERE/handwritten/target/handwritten.jar" \
  "$HERE/fn4j-lambda/target/fn4j.jar" \
  "$HERE/fn4j-spring/target/fn4j-spring.jar" \
  "$HERE/scf/target/scf.jar" \
  "$HERE/quarkus/target/quarkus-runner.jar" \
  "$HERE/quarkus/target/function.zip"; do
  if [[ ! -f "$jar" ]]; then
    echo "coldstart.sh: missing ${jar#"$HERE"/}" >&2
    missing=1
  fi
done
if [[ $missing -ne 0 ]]; then
  echo "coldstart.sh: build the benchmark jars first, from $(dirname "$HERE"):" >&2
  echo "  $BUILD_COMMAND" >&2
  exit 1
fi
if ! command -v python3 >/dev/null; then
  echo "coldstart.sh: needs python3 (apt-get install -y python3)" >&2
  exit 1
fi

if [[ -z "${JAVA:-}" ]]; then
  if [[ -n "${JAVA_HOME:-}" && -x "$JAVA_HOME/bin/java" ]]; then JAVA="$JAVA_HOME/bin/java"; else JAVA=java; fi
fi
export JAVA HERE
export N="${N:-10}" WARMUP="${WARMUP:-1}" VARIANTS="${VARIANTS:-}"

exec python3 - <<'PY'
import os, shutil, statistics, subprocess, sys, tempfile, time
from datetime import datetime, timezone

HERE = os.environ["HERE"]
JAVA = os.environ["JAVA"]
N = int(os.environ["N"])
WARMUP = int(os.environ["WARMUP"])
DRIVER = "dev.fn4j.bench.coldstart.ColdStartDriver"
COLDSTART = f"{HERE}/coldstart/target/coldstart.jar"
EVENTS = f"{HERE}/events"
RESULTS = os.environ.get("RESULTS_DIR") or f"{HERE}/results"

HANDWRITTEN = f"{HERE}/handwritten/target/handwritten.jar"
FN4J = f"{HERE}/fn4j-lambda/target/fn4j.jar"
FN4J_SPRING = f"{HERE}/fn4j-spring/target/fn4j-spring.jar"  # Start-Class names the application
SCF = f"{HERE}/scf/target/scf.jar"
QUARKUS = f"{HERE}/quarkus/target/quarkus-runner.jar"  # its manifest names target/lib/*.jar
QUARKUS_ZIP = f"{HERE}/quarkus/target/function.zip"  # the deployment package: runner + lib/

JSON = ("json", "apigw-v2-json.json", ['"statusCode":200', "HELLO WORLD", "ADA"])
TEXT = ("text", "apigw-v2-text.json", ['"statusCode":200', "HELLO WORLD"])
SCF_HANDLER = "org.springframework.cloud.function.adapter.aws.FunctionInvoker"
QUARKUS_HANDLER = "io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler::handleRequest"
# SCF's AWSLambdaUtils logs every event at INFO ("Received: ..."), FunctionInvoker logs
# "Locating function" at INFO: the package's level set to WARN silences both. An environment
# variable, so the JVM flags stay the same for every variant.
SCF_WARN = {"LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION": "WARN"}

# (variant, scenario, jar on the class path, size shown, handler, event, expected, environment)
CASES = [
    ("noop", "json", HANDWRITTEN, HANDWRITTEN, "dev.fn4j.bench.handwritten.NoOpHandler",
     JSON[1], ["{}"], {}),
]
for scenario, event, expected in (JSON, TEXT):
    hw = "HttpJsonHandler" if scenario == "json" else "HttpTextHandler"
    fn = "shout" if scenario == "json" else "uppercase"
    qh = "http-json" if scenario == "json" else "http-text"
    CASES += [
        ("handwritten", scenario, HANDWRITTEN, HANDWRITTEN, f"dev.fn4j.bench.handwritten.{hw}",
         event, expected, {}),
        ("fn4j", scenario, FN4J, FN4J, "dev.fn4j.aws.LambdaHandler", event, expected, {}),
        ("fn4j-spring", scenario, FN4J_SPRING, FN4J_SPRING, "dev.fn4j.aws.LambdaHandler", event,
         expected, {}),
        ("quarkus", scenario, QUARKUS, QUARKUS_ZIP, QUARKUS_HANDLER, event, expected,
         {"QUARKUS_LAMBDA_HANDLER": qh}),
        ("scf", scenario, SCF, SCF, SCF_HANDLER, event, expected,
         {"SPRING_CLOUD_FUNCTION_DEFINITION": fn}),
        ("scf-warn", scenario, SCF, SCF, SCF_HANDLER, event, expected,
         dict(SCF_WARN, SPRING_CLOUD_FUNCTION_DEFINITION=fn)),
    ]
ORDER = ["noop", "handwritten", "fn4j", "fn4j-spring", "quarkus", "scf", "scf-warn"]
CASES.sort(key=lambda c: (ORDER.index(c[0]), c[1]))
if os.environ["VARIANTS"].split():
    unknown = set(os.environ["VARIANTS"].split()) - set(ORDER)
    if unknown:
        sys.exit(f"coldstart.sh: unknown VARIANTS {sorted(unknown)}; known: {ORDER}")
    CASES = [c for c in CASES if c[0] in os.environ["VARIANTS"].split()]

# Nothing from the caller's environment may pick a function or change logging.
BASE_ENV = {k: v for k, v in os.environ.items()
            if not k.startswith(("FN4J_", "SPRING_", "QUARKUS_", "LOGGING_", "JAVA_TOOL_OPTIONS",
                                 "JDK_JAVA_OPTIONS", "_JAVA_OPTIONS"))}
os.makedirs(RESULTS, exist_ok=True)
TMP = tempfile.mkdtemp(prefix="fn4j-coldstart-")


def run_once(case):
    variant, scenario, jar, _, handler, event, expected, env = case
    argv = [JAVA, "-cp", f"{jar}:{COLDSTART}", DRIVER, handler, f"{EVENTS}/{event}"]
    out_path, err_path = f"{TMP}/stdout", f"{TMP}/stderr"
    with open(out_path, "wb") as out, open(err_path, "wb") as err:
        actions = [(os.POSIX_SPAWN_DUP2, out.fileno(), 1), (os.POSIX_SPAWN_DUP2, err.fileno(), 2)]
        start = time.perf_counter_ns()  # CLOCK_MONOTONIC
        pid = os.posix_spawnp(JAVA, argv, dict(BASE_ENV, **env), file_actions=actions)
        _, status, usage = os.wait4(pid, 0)
        elapsed = (time.perf_counter_ns() - start) / 1e9
    stdout = open(out_path, encoding="utf-8", errors="replace").read()
    stderr = open(err_path, encoding="utf-8", errors="replace").read()
    code = os.waitstatus_to_exitcode(status)
    ok = code == 0 and all(e in stdout for e in expected)
    split = {}
    for line in stderr.splitlines():
        if line.startswith("coldstart init_ms="):
            split = dict(kv.split("=") for kv in line.split()[1:])
    if not ok:
        print(f"  FAILED {variant}/{scenario}: exit {code}; stdout tail: {stdout[-300:]!r}; "
              f"stderr tail: {stderr[-600:]!r}", file=sys.stderr)
    return {"ok": ok, "s": elapsed, "rss_kib": usage.ru_maxrss,
            "init_ms": float(split.get("init_ms", "nan")),
            "invoke_ms": float(split.get("invoke_ms", "nan"))}


results = {(c[0], c[1]): [] for c in CASES}
load_start = os.getloadavg()
print(f"cold starts: {len(CASES)} variant/scenario pairs, {WARMUP} warm-up round(s), "
      f"{N} measured round(s), round-robin", file=sys.stderr)
for rnd in range(WARMUP + N):
    measured = rnd >= WARMUP
    label = f"round {rnd - WARMUP + 1}/{N}" if measured else f"warm-up {rnd + 1}/{WARMUP}"
    print(f"{label} ...", file=sys.stderr, flush=True)
    for case in CASES:
        r = run_once(case)
        if measured:
            results[(case[0], case[1])].append(r)

with open(f"{RESULTS}/coldstart-runs.csv", "w") as csv:
    csv.write("variant,scenario,run,ok,wall_s,peak_rss_kib,init_ms,invoke_ms\n")
    for (variant, scenario), runs in results.items():
        for i, r in enumerate(runs, 1):
            csv.write(f"{variant},{scenario},{i},{str(r['ok']).lower()},{r['s']:.4f},"
                      f"{r['rss_kib']},{r['init_ms']},{r['invoke_ms']}\n")


def med(values):
    return statistics.median(values) if values else float("nan")


def mib(n):
    return n / (1024 * 1024)


medians = {k: med([r["s"] for r in v if r["ok"]]) for k, v in results.items()}
rows, split_rows = [], []
for case in CASES:
    variant, scenario, _, size_of = case[0], case[1], case[2], case[3]
    runs = [r for r in results[(variant, scenario)] if r["ok"]]
    base = medians.get(("handwritten", scenario), float("nan"))
    if runs:
        times = [r["s"] for r in runs]
        ratio = (f"{medians[(variant, scenario)] / base:.2f}x" if base == base and base > 0
                 else "n/a")
        rows.append(f"| {variant} | {scenario} | {med(times):.3f} | {min(times):.3f} | "
                    f"{max(times):.3f} | {ratio} | {med([r['rss_kib'] for r in runs]) / 1024:.0f} | "
                    f"{mib(os.path.getsize(size_of)):.1f} | {len(runs)}/{N} |")
        split_rows.append(f"| {variant} | {scenario} | {med([r['init_ms'] for r in runs]):.0f} | "
                          f"{med([r['invoke_ms'] for r in runs]):.0f} |")
    else:
        rows.append(f"| {variant} | {scenario} | failed | | | | | "
                    f"{mib(os.path.getsize(size_of)):.1f} | 0/{N} |")

spring_rows = []
for scenario in ("json", "text"):
    ours = medians.get(("fn4j-spring", scenario), float("nan"))
    for peer in ("scf", "scf-warn"):
        theirs = medians.get((peer, scenario), float("nan"))
        if ours == ours and theirs == theirs and theirs > 0:
            spring_rows.append(f"| {scenario} | {peer} | {ours:.3f} | {theirs:.3f} | "
                               f"{ours / theirs:.2f}x |")

load_end = os.getloadavg()
java_version = subprocess.run([JAVA, "-version"], capture_output=True, text=True).stderr.splitlines()
commit = subprocess.run(["git", "-C", HERE, "rev-parse", "--short", "HEAD"],
                        capture_output=True, text=True).stdout.strip() or "unknown"
dirty = subprocess.run(["git", "-C", HERE, "status", "--porcelain", "--", "."],
                       capture_output=True, text=True).stdout.strip()
report = f"""# Cold start: JVM launch to exit, one invocation

{datetime.now(timezone.utc).strftime('%Y-%m-%d %H:%M UTC')}; commit {commit}{' (with local changes)' if dirty else ''};
{java_version[0] if java_version else JAVA}; {os.cpu_count()} CPUs; {N} measured rounds after {WARMUP} warm-up
round(s), round-robin over the variants; load average {load_start[0]:.2f} at the start, {load_end[0]:.2f} at
the end (anything else running shows in the max column). Same JVM flags for every variant (none):
`java -cp <jar>:coldstart.jar {DRIVER} <handler> <event>`. Events: benchmarks/events/
(json: API Gateway v2 POST /shout, a record in and out; text: POST /uppercase).

| variant | scenario | median s | min s | max s | ratio to handwritten | peak RSS MiB (median) | jar MiB | runs ok |
|---|---|---|---|---|---|---|---|---|
""" + "\n".join(rows) + f"""

The Spring path (DESIGN.md §8: at most 0.5x Spring Cloud Function's cold start), both on Spring
Boot 4 with the same beans:

| scenario | peer | fn4j-spring median s | peer median s | fn4j-spring / peer |
|---|---|---|---|---|
""" + "\n".join(spring_rows) + """

In-process split reported by the driver (medians, ms): init = loading and constructing the
handler class (Lambda's init phase); invoke = the first invocation.

| variant | scenario | init ms | first invoke ms |
|---|---|---|---|
""" + "\n".join(split_rows) + """

- noop: `NoOpHandler` on handwritten.jar (reads the event, answers `{}`): the JVM and the driver
  alone. handwritten: `HttpJsonHandler` / `HttpTextHandler`, Jackson 2 databind. fn4j:
  `dev.fn4j.aws.LambdaHandler` on fn4j.jar (the one jar with every adapter), routed by path.
  fn4j-spring: the same handler on fn4j-spring.jar, a Spring Boot 4 application with the starter
  (`fn4j-spring-boot-starter-aws`), whose manifest `Start-Class` the handler starts; the beans are
  scf's.
  quarkus: `QuarkusStreamHandler::handleRequest`, `QUARKUS_LAMBDA_HANDLER=http-json` / `http-text`,
  JVM mode; class path target/quarkus-runner.jar (its manifest names target/lib/), size shown is
  function.zip, the deployment package. scf: Spring Cloud Function's `FunctionInvoker`,
  `SPRING_CLOUD_FUNCTION_DEFINITION=shout` / `uppercase`, as shipped (INFO: `AWSLambdaUtils` logs every
  event); scf-warn: the same with `LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION=WARN`.
- Every run's standard output was checked for the expected response; failed runs are left out of
  the figures (runs ok). Raw runs: coldstart-runs.csv beside this file.
"""
with open(f"{RESULTS}/coldstart.md", "w") as f:
    f.write(report)
print(report)
shutil.rmtree(TMP, ignore_errors=True)
failed = sum(1 for v in results.values() for r in v if not r["ok"])
sys.exit(1 if failed else 0)
PY
