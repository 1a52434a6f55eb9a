#!/usr/bin/env bash
# Warm-invocation benchmarks: every variant x scenario through JMH, in-process, then a summary.
#
#   benchmarks/jmh.sh                      all variants and scenarios
#   benchmarks/jmh.sh fn4j scf             only these variants (hand-written is the ratio base)
#   JMH_SCENARIOS="http-json" benchmarks/jmh.sh
#   benchmarks/jmh.sh --summary            only rewrite results/jmh.md from the JSON files there
#
# Needs the jars that `benchmarks/run.sh` (mvn -Pbench) builds. Settings, all overridable:
#   JMH_WARMUPS=5 JMH_WARMUP_TIME=1s JMH_ITERATIONS=5 JMH_TIME=1s JMH_FORKS=1
#   JMH_JVM_ARGS="-Xms1g -Xmx1g"   (appended to each forked JVM's options)
#   JMH_EXTRA_ARGS=""              (more JMH options, e.g. "-prof jfr" or "-prof stack")
#   RESULTS_DIR=benchmarks/results
# With the defaults, 17 runs of about 13 s each take about 4 minutes on 2 cores. Exits 1 when a
# run was not measured (the table is written all the same).
set -euo pipefail

BENCH_DIR=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
RESULTS_DIR=${RESULTS_DIR:-$BENCH_DIR/results}
BENCHMARKS_JAR=$BENCH_DIR/jmh/target/benchmarks.jar
EVENTS=$BENCH_DIR/events

JMH_WARMUPS=${JMH_WARMUPS:-5}
JMH_WARMUP_TIME=${JMH_WARMUP_TIME:-1s}
JMH_ITERATIONS=${JMH_ITERATIONS:-5}
JMH_TIME=${JMH_TIME:-1s}
JMH_FORKS=${JMH_FORKS:-1}
JMH_JVM_ARGS=${JMH_JVM_ARGS:--Xms1g -Xmx1g}
JMH_EXTRA_ARGS=${JMH_EXTRA_ARGS:-}
JMH_SCENARIOS=${JMH_SCENARIOS:-http-json http-text sqs-10 direct}

ALL_VARIANTS="handwritten fn4j fn4j-spring scf quarkus"
# Every variable any variant reads is cleared first, so one run's choice never leaks into another.
SELECTORS=(-u FN4J_FUNCTION -u SPRING_CLOUD_FUNCTION_DEFINITION -u MAIN_CLASS -u QUARKUS_LAMBDA_HANDLER
  -u LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION -u JAVA_TOOL_OPTIONS -u JDK_JAVA_OPTIONS)

mkdir -p "$RESULTS_DIR"
SUMMARY="$BENCH_DIR/jmh/summarize.py"

if [[ "${1:-}" == "--summary" ]]; then
  python3 "$SUMMARY" "$RESULTS_DIR" "$RESULTS_DIR/jmh.md"
  exit 0
fi

VARIANTS=${*:-$ALL_VARIANTS}

event_of() {
  case "$1" in
    http-json) echo "$EVENTS/apigw-v2-json.json" ;;
    http-text) echo "$EVENTS/apigw-v2-text.json" ;;
    sqs-10) echo "$EVENTS/sqs-10.json" ;;
    direct | noop) echo "$EVENTS/direct.json" ;;
    *) echo "unknown scenario $1" >&2; return 1 ;;
  esac
}

# What the first answer must contain: a variant that fails fast must fail the run, not win it,
# and one that binds the whole SQS event to the record (answering {"name":null,...}) did not
# process the batch.
expect_of() {
  case "$1" in
    http-json | http-text | direct) echo "HELLO WORLD" ;;
    sqs-10) echo "batchItemFailures" ;;
    *) echo "" ;;
  esac
}

# The variant's classpath, after benchmarks.jar; empty when it is not built. JMH_CP_<variant>
# (e.g. JMH_CP_fn4j=/path/a.jar:/path/b.jar; JMH_CP_fn4j_spring for fn4j-spring) replaces it.
classpath_of() {
  local jar override=JMH_CP_${1//-/_}
  if [[ -n ${!override:-} ]]; then
    echo "${!override}"
    return 0
  fi
  case "$1" in
    handwritten) jar=$BENCH_DIR/handwritten/target/handwritten.jar ;;
    fn4j) jar=$BENCH_DIR/fn4j-lambda/target/fn4j.jar ;;
    # The Spring Boot application with the starter; its manifest's Start-Class names it.
    fn4j-spring) jar=$BENCH_DIR/fn4j-spring/target/fn4j-spring.jar ;;
    scf)
      # The Lambda Java runtime brings aws-lambda-java-serialization, which Spring Cloud Function
      # needs to read AWS event types (the SQS function); scf.jar leaves it out (scope provided),
      # so it comes from the local Maven repository, in the version the root pom.xml manages.
      jar=$BENCH_DIR/scf/target/scf.jar
      [[ -f $jar ]] || return 0
      local repo=${MAVEN_REPO:-$HOME/.m2/repository}/com/amazonaws/aws-lambda-java-serialization
      local version serialization
      version=$(sed -n \
        's:.*<aws-lambda-java-serialization.version>\(.*\)</aws-lambda-java-serialization.version>.*:\1:p' \
        "$BENCH_DIR/../pom.xml" | head -n 1)
      serialization=$repo/$version/aws-lambda-java-serialization-$version.jar
      if [[ -n $version && -f $serialization ]]; then
        echo "$jar:$serialization"
      else
        echo "jmh.sh: aws-lambda-java-serialization ${version:-?} not in $repo;" \
          "Spring Cloud Function cannot read SQS events without it" >&2
        echo "$jar"
      fi
      return 0
      ;;
    # quarkus-amazon-lambda builds a legacy jar in JVM mode: quarkus-runner.jar, whose manifest
    # Class-Path names every jar in target/lib/, as the function.zip's lib/ on Lambda.
    quarkus) jar=$BENCH_DIR/quarkus/target/quarkus-runner.jar ;;
    *) echo "unknown variant $1" >&2; return 1 ;;
  esac
  [[ -f $jar ]] && echo "$jar"
  return 0
}

# The handler class and the environment that selects the function, as "class VAR=value ...".
handler_of() {
  local variant=$1 scenario=$2
  case "$variant:$scenario" in
    handwritten:noop) echo "dev.fn4j.bench.handwritten.NoOpHandler" ;;
    handwritten:http-json) echo "dev.fn4j.bench.handwritten.HttpJsonHandler" ;;
    handwritten:http-text) echo "dev.fn4j.bench.handwritten.HttpTextHandler" ;;
    handwritten:sqs-10) echo "dev.fn4j.bench.handwritten.SqsHandler" ;;
    handwritten:direct) echo "dev.fn4j.bench.handwritten.DirectHandler" ;;
    # HTTP routes by path (POST /shout, POST /uppercase); the other triggers need the name.
    fn4j:http-*) echo "dev.fn4j.aws.LambdaHandler" ;;
    fn4j:sqs-10 | fn4j:direct) echo "dev.fn4j.aws.LambdaHandler FN4J_FUNCTION=shout" ;;
    fn4j-spring:http-*) echo "dev.fn4j.aws.LambdaHandler" ;;
    fn4j-spring:sqs-10 | fn4j-spring:direct) echo "dev.fn4j.aws.LambdaHandler FN4J_FUNCTION=shout" ;;
    scf:http-text) echo "$SCF_HANDLER SPRING_CLOUD_FUNCTION_DEFINITION=$SCF_HTTP_TEXT $SCF_ENV" ;;
    scf:http-json) echo "$SCF_HANDLER SPRING_CLOUD_FUNCTION_DEFINITION=$SCF_HTTP_JSON $SCF_ENV" ;;
    scf:sqs-10) echo "$SCF_HANDLER SPRING_CLOUD_FUNCTION_DEFINITION=$SCF_SQS $SCF_ENV" ;;
    scf:direct) echo "$SCF_HANDLER SPRING_CLOUD_FUNCTION_DEFINITION=$SCF_DIRECT $SCF_ENV" ;;
    quarkus:http-text) echo "$QUARKUS_HANDLER QUARKUS_LAMBDA_HANDLER=$QUARKUS_HTTP_TEXT" ;;
    quarkus:http-json) echo "$QUARKUS_HANDLER QUARKUS_LAMBDA_HANDLER=$QUARKUS_HTTP_JSON" ;;
    quarkus:sqs-10) echo "$QUARKUS_HANDLER QUARKUS_LAMBDA_HANDLER=$QUARKUS_SQS" ;;
    quarkus:direct) echo "$QUARKUS_HANDLER QUARKUS_LAMBDA_HANDLER=$QUARKUS_DIRECT" ;;
    *) echo "" ;;
  esac
}

# The names each peer application gives its functions (benchmarks/scf, benchmarks/quarkus).
SCF_HANDLER=org.springframework.cloud.function.adapter.aws.FunctionInvoker
# Spring Cloud Function logs every event it receives at INFO ("Received: ..."): measured warm,
# that is console I/O on every invocation, the whole event each time. Its package is set to
# WARN, as coldstart.sh's scf-warn variant (SCF_LOGGING=INFO measures it as it ships).
SCF_ENV="MAIN_CLASS=${SCF_MAIN_CLASS:-dev.fn4j.bench.scf.ScfApplication}"
SCF_ENV+=" LOGGING_LEVEL_ORG_SPRINGFRAMEWORK_CLOUD_FUNCTION=${SCF_LOGGING:-WARN}"
SCF_HTTP_TEXT=${SCF_HTTP_TEXT:-uppercase}
SCF_HTTP_JSON=${SCF_HTTP_JSON:-shout}
SCF_SQS=${SCF_SQS:-shoutBatch}
SCF_DIRECT=${SCF_DIRECT:-shout}
QUARKUS_HANDLER=io.quarkus.amazon.lambda.runtime.QuarkusStreamHandler
QUARKUS_HTTP_TEXT=${QUARKUS_HTTP_TEXT:-http-text}
QUARKUS_HTTP_JSON=${QUARKUS_HTTP_JSON:-http-json}
QUARKUS_SQS=${QUARKUS_SQS:-sqs}
QUARKUS_DIRECT=${QUARKUS_DIRECT:-direct}

if [[ ! -f $BENCHMARKS_JAR ]]; then
  echo "jmh.sh: $BENCHMARKS_JAR is missing; build it with benchmarks/run.sh or" >&2
  echo "  mvn -B -q -Pbench package -DskipTests -pl benchmarks/jmh -am" >&2
  exit 1
fi

# One line per run that could not be measured; a run measured again loses its old line.
FAILURES=$RESULTS_DIR/jmh-failures.txt
touch "$FAILURES"
{
  echo "java -cp benchmarks.jar:<variant> org.openjdk.jmh.Main LambdaHandlerBenchmark"
  echo "  -f $JMH_FORKS -wi $JMH_WARMUPS -w $JMH_WARMUP_TIME -i $JMH_ITERATIONS -r $JMH_TIME -prof gc"
  echo "  -jvmArgsAppend \"$JMH_JVM_ARGS\" $JMH_EXTRA_ARGS"
  echo "$(nproc) cores; $(java -version 2>&1 | head -n 1)"
} >"$RESULTS_DIR/jmh-settings.txt"

missed=0
run() {
  local variant=$1 scenario=$2
  local classpath spec handler event expect name=jmh-$variant-$scenario
  sed -i "/^$variant $scenario: /d" "$FAILURES"
  classpath=$(classpath_of "$variant")
  if [[ -z $classpath ]]; then
    echo "$variant $scenario: the variant is not built" | tee -a "$FAILURES"
    missed=$((missed + 1))
    return 0
  fi
  spec=$(handler_of "$variant" "$scenario")
  if [[ -z $spec ]]; then
    echo "$variant $scenario: no handler for this scenario" | tee -a "$FAILURES"
    missed=$((missed + 1))
    return 0
  fi
  read -r handler envs <<<"$spec"
  event=$(event_of "$scenario")
  expect=$(expect_of "$scenario")
  echo "== $variant $scenario: $handler ${envs:-}"
  rm -f "$RESULTS_DIR/$name.json"
  # shellcheck disable=SC2086 # envs and JMH_EXTRA_ARGS are lists of words
  if env "${SELECTORS[@]}" $envs \
    java -cp "$BENCHMARKS_JAR:$classpath" org.openjdk.jmh.Main LambdaHandlerBenchmark \
    -p handler="$handler" -p event="$event" -p expect="$expect" \
    -f "$JMH_FORKS" -wi "$JMH_WARMUPS" -w "$JMH_WARMUP_TIME" -i "$JMH_ITERATIONS" -r "$JMH_TIME" \
    -jvmArgsAppend "$JMH_JVM_ARGS" -prof gc $JMH_EXTRA_ARGS -rf json -rff "$RESULTS_DIR/$name.json" \
    >"$RESULTS_DIR/$name.log" 2>&1 && [[ -s $RESULTS_DIR/$name.json ]] \
    && python3 -c 'import json,sys; sys.exit(0 if json.load(open(sys.argv[1])) else 1)' \
      "$RESULTS_DIR/$name.json"; then
    grep -oE '\[bench\].*' "$RESULTS_DIR/$name.log" | head -n 1 | cut -c1-240 || true
    grep -E 'LambdaHandlerBenchmark.invoke +' "$RESULTS_DIR/$name.log" | tail -n 1 || true
  else
    rm -f "$RESULTS_DIR/$name.json"
    echo "$variant $scenario: the run failed, see ${RESULTS_DIR#"$PWD"/}/$name.log" | tee -a "$FAILURES"
    missed=$((missed + 1))
    grep -oE '\[bench\].*|[A-Za-z.]+(Exception|Error)\b.*' "$RESULTS_DIR/$name.log" | head -n 5 | cut -c1-240 || true
  fi
}

for scenario in $JMH_SCENARIOS; do
  for variant in $VARIANTS; do
    run "$variant" "$scenario"
  done
done
# The floor: what the harness itself costs per invocation (a handler that only reads the event).
if [[ " $VARIANTS " == *" handwritten "* ]]; then
  run handwritten noop
fi

python3 "$SUMMARY" "$RESULTS_DIR" "$RESULTS_DIR/jmh.md"
if [[ $missed -gt 0 ]]; then
  echo "jmh.sh: $missed run(s) not measured, listed in ${RESULTS_DIR#"$PWD"/}/jmh-failures.txt" >&2
  exit 1
fi
