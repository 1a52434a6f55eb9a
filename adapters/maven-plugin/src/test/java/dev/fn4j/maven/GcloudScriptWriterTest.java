package dev.fn4j.maven;

import static dev.fn4j.maven.AzureGcpKnativePlans.http;
import static dev.fn4j.maven.AzureGcpKnativePlans.plan;
import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Tests {@link GcloudScriptWriter}: golden files (rewrite them with {@code
 * -Dfn4j.golden.update=true}, see {@link AzureGcpKnativePlans}), {@code sh -n}, and the script run
 * against a stand-in {@code gcloud} that records the arguments it gets.
 */
class GcloudScriptWriterTest {

  /**
   * A stand-in for {@code gcloud}: records each call's arguments (one per line, then {@code --}),
   * answers {@code functions describe} with a URL, and says a scheduler job exists only when {@code
   * JOBS_EXIST} is set.
   */
  private static final String FAKE_GCLOUD =
      "#!/bin/sh\n"
          + "{ for a in \"$@\"; do printf '%s\\n' \"$a\"; done; printf -- '--\\n'; }"
          + " >> \"$GCLOUD_LOG\"\n"
          + "case \"$1 $2\" in\n"
          + "  'functions describe') printf 'https://%s.example.run.app\\n' \"$3\" ;;\n"
          + "  'scheduler jobs') [ \"$3\" = describe ] && [ -z \"${JOBS_EXIST:-}\" ] && exit 1 ;;\n"
          + "esac\n"
          + "exit 0\n";

  private final GcloudScriptWriter writer = new GcloudScriptWriter();

  @TempDir Path temp;

  @Test
  void the_sample_matches_its_golden_files() throws IOException {
    Golden.assertMatches("gcp", "sample", writer.write(AzureGcpKnativePlans.sample()));
  }

  @Test
  void every_trigger_matches_its_golden_files() throws IOException {
    Golden.assertMatches("gcp", "triggers", writer.write(AzureGcpKnativePlans.triggers()));
  }

  @Test
  void the_scripts_are_posix_sh() throws Exception {
    for (DeploymentPlan plan :
        List.of(AzureGcpKnativePlans.sample(), AzureGcpKnativePlans.triggers())) {
      Path script = script(plan);
      assertThat(Files.readString(script)).startsWith("#!/bin/sh\n");

      Result result = run(List.of("sh", "-n", script.toString()), Map.of());

      assertThat(result.exitCode()).as(result.output()).isZero();
    }
  }

  @Test
  void a_script_that_does_not_parse_fails_the_syntax_check() throws Exception {
    Path broken = temp.resolve("broken.sh");
    Files.writeString(broken, "#!/bin/sh\nif true; then\n  echo 'no fi'\n");

    assertThat(run(List.of("sh", "-n", broken.toString()), Map.of()).exitCode()).isNotZero();
  }

  @Test
  void every_deploy_line_carries_generation_runtime_region_entry_point_trigger_and_function() {
    for (DeploymentPlan plan :
        List.of(AzureGcpKnativePlans.sample(), AzureGcpKnativePlans.triggers())) {
      List<String> deploys = deployCommands(content(plan));

      assertThat(deploys).hasSameSizeAs(plan.functions());
      for (int i = 0; i < deploys.size(); i++) {
        FunctionPlan function = plan.functions().get(i);
        assertThat(deploys.get(i))
            .startsWith(
                "gcloud functions deploy " + plan.application() + "-" + function.dnsName() + " ")
            .contains(
                " --gen2 ",
                " --runtime=java17 ",
                " --region=europe-west1 ",
                " --source=\"$SOURCE\" ",
                " --memory=" + function.memoryMb() + "Mi ",
                " --timeout=" + function.timeoutSeconds() + "s ",
                " --set-env-vars=FN4J_FUNCTION=" + function.name() + " ")
            .containsPattern(" --entry-point=dev\\.fn4j\\.gcp\\.Gcf(Http|Event)Function ")
            .containsPattern(" --trigger-(http|topic=\\S+|event-filters=\\S+)( |$)")
            .doesNotContain("--allow-unauthenticated");
      }
    }
  }

  @Test
  void running_the_script_calls_gcloud_with_each_functions_arguments() throws Exception {
    // when
    List<List<String>> calls = runWithFakeGcloud(AzureGcpKnativePlans.triggers(), "sched@p.iam");

    // then
    assertThat(calls).hasSize(8);
    assertThat(calls.get(0))
        .containsExactly(
            "functions",
            "deploy",
            "shop-greet",
            "--gen2",
            "--runtime=java17",
            "--region=europe-west1",
            "--source=deploy",
            "--memory=512Mi",
            "--timeout=30s",
            "--set-env-vars=FN4J_FUNCTION=greet",
            "--entry-point=dev.fn4j.gcp.GcfHttpFunction",
            "--trigger-http");
    assertThat(calls.get(1))
        .contains("shop-orders", "--memory=1024Mi", "--timeout=120s")
        .endsWith(
            "--entry-point=dev.fn4j.gcp.GcfEventFunction", "--trigger-topic=orders", "--retry");
    assertThat(calls.get(2))
        .contains("shop-report", "--set-env-vars=FN4J_FUNCTION=report")
        .endsWith("--entry-point=dev.fn4j.gcp.GcfHttpFunction", "--trigger-http");
    assertThat(calls.get(3))
        .containsExactly(
            "functions",
            "add-invoker-policy-binding",
            "shop-report",
            "--region=europe-west1",
            "--member=serviceAccount:sched@p.iam");
    assertThat(calls.get(4))
        .containsExactly(
            "functions",
            "describe",
            "shop-report",
            "--region=europe-west1",
            "--format=value(serviceConfig.uri)");
    assertThat(calls.get(5))
        .containsExactly(
            "scheduler", "jobs", "describe", "shop-report-schedule", "--location=europe-west1");
    assertThat(calls.get(6))
        .containsExactly(
            "scheduler",
            "jobs",
            "create",
            "http",
            "shop-report-schedule",
            "--location=europe-west1",
            "--schedule=0 6 * * 1-5",
            "--time-zone=UTC",
            "--uri=https://shop-report.example.run.app",
            "--http-method=GET",
            "--attempt-deadline=300s",
            "--oidc-service-account-email=sched@p.iam");
    assertThat(calls.get(7))
        .contains("shop-ship-order", "--memory=256Mi", "--set-env-vars=FN4J_FUNCTION=shipOrder")
        .endsWith(
            "--entry-point=dev.fn4j.gcp.GcfEventFunction",
            "--trigger-event-filters=type=com.acme.order.created",
            "--retry");
  }

  @Test
  void events_filter_on_their_type_and_are_retried() throws Exception {
    List<List<String>> calls =
        runWithFakeGcloud(
            plan(new FunctionPlan("ship", false, new Trigger.Event("com.acme.shipped"), 256, 30)),
            null);

    assertThat(calls)
        .singleElement()
        .asList()
        .endsWith(
            "--entry-point=dev.fn4j.gcp.GcfEventFunction",
            "--trigger-event-filters=type=com.acme.shipped",
            "--retry");
  }

  @Test
  void a_scheduled_consumer_is_called_with_post_and_at_least_fifteen_seconds() throws Exception {
    List<List<String>> calls =
        runWithFakeGcloud(
            plan(
                new FunctionPlan(
                    "cleanup", false, new Trigger.Schedule(Cron.parse("*/5 * * * *")), 512, 5)),
            "sa@p.iam");

    assertThat(calls.get(calls.size() - 1))
        .contains("--schedule=*/5 * * * *", "--http-method=POST", "--attempt-deadline=15s");
  }

  @Test
  void an_existing_scheduler_job_is_updated() throws Exception {
    // given: a gcloud that knows every job
    DeploymentPlan plan =
        plan(
            new FunctionPlan("tick", true, new Trigger.Schedule(Cron.parse("0 * * * *")), 512, 30));

    // when
    List<List<String>> calls = runWithFakeGcloud(plan, "sa@p.iam", true);

    // then
    assertThat(calls.get(calls.size() - 1)).startsWith("scheduler", "jobs", "update", "http");
  }

  @Test
  void a_schedule_without_the_service_account_stops_before_deploying() throws Exception {
    DeploymentPlan plan =
        plan(
            new FunctionPlan("tick", true, new Trigger.Schedule(Cron.parse("0 * * * *")), 512, 30));
    Path log = temp.resolve("gcloud.log");

    Result result = run(fakeGcloudCommand(plan), environment(log, null, false));

    assertThat(result.exitCode()).isNotZero();
    assertThat(result.output()).contains("SCHEDULER_SERVICE_ACCOUNT");
    assertThat(log).doesNotExist();
  }

  @Test
  void values_from_the_pom_reach_gcloud_unchanged_whatever_they_hold() throws Exception {
    // given: settings and names a shell would otherwise split, expand or execute
    String region = "europe west1'; touch pwned; '$(touch pwned2)`touch pwned3`";
    DeploymentPlan plan =
        new DeploymentPlan(
            "app",
            "app.jar",
            List.of(http("price$usd", "/price$usd", 512, 30)),
            new DeploymentPlan.Settings(
                false, "java21", "custom", "cn-hangzhou", region, "java 17", "img", "b", 0, null));

    // when
    List<List<String>> calls = runWithFakeGcloud(plan, null);

    // then
    assertThat(calls.get(0))
        .contains(
            "--region=" + region, "--runtime=java 17", "--set-env-vars=FN4J_FUNCTION=price$usd");
    assertThat(temp.resolve("pwned")).doesNotExist();
    assertThat(temp.resolve("pwned2")).doesNotExist();
    assertThat(temp.resolve("pwned3")).doesNotExist();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      value = {
        "europe-west1|europe-west1",
        "type=com.acme:created|type=com.acme:created",
        "a b|'a b'",
        "it's|'it'\\''s'",
        "$HOME|'$HOME'",
        "~user|'~user'",
        "*|'*'"
      })
  void values_are_quoted_only_when_sh_would_read_them_otherwise(String value, String word) {
    assertThat(GcloudScriptWriter.quote(value)).isEqualTo(word);
  }

  @Test
  void an_empty_value_is_an_empty_word() {
    assertThat(GcloudScriptWriter.quote("")).isEqualTo("''");
  }

  @Test
  void queues_and_events_are_warned_and_http_and_topics_are_not() {
    assertThat(writer.warnings(AzureGcpKnativePlans.sample())).isEmpty();

    List<String> warnings = writer.warnings(AzureGcpKnativePlans.triggers());

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0))
        .isEqualTo(
            "function 'orders': Google has no queue trigger; queue 'orders' is deployed as the"
                + " Pub/Sub topic 'orders' (--trigger-topic)");
    assertThat(warnings.get(1))
        .startsWith("function 'shipOrder': ")
        .contains("'com.acme.order.created'", "Eventarc");
  }

  @Test
  void event_driven_timeouts_over_nine_minutes_and_long_names_are_warned() {
    String longName = "f".repeat(60);
    List<String> warnings =
        writer.warnings(
            plan(
                new FunctionPlan("slow", false, new Trigger.Topic("t"), 512, 541),
                http("slowHttp", "/slowHttp", 512, 900),
                http(longName, "/" + longName, 512, 30)));

    assertThat(warnings).hasSize(2);
    assertThat(warnings.get(0)).startsWith("function 'slow': ").contains("540 s", "541 s");
    assertThat(warnings.get(1)).contains("app-" + longName, "63 characters");
  }

  private String content(DeploymentPlan plan) {
    List<GeneratedFile> files = writer.write(plan);
    assertThat(files).extracting(GeneratedFile::path).containsExactly("gcp/deploy.sh");
    return files.get(0).content();
  }

  /** The {@code gcloud functions deploy} commands, their continuation lines joined. */
  private static List<String> deployCommands(String script) {
    List<String> commands = new ArrayList<>();
    for (String command : script.replace(" \\\n  ", " ").split("\n")) {
      if (command.startsWith("gcloud functions deploy ")) {
        commands.add(command);
      }
    }
    return commands;
  }

  private Path script(DeploymentPlan plan) throws IOException {
    Path script = temp.resolve("deploy.sh");
    Files.writeString(script, content(plan), StandardCharsets.UTF_8);
    return script;
  }

  private List<List<String>> runWithFakeGcloud(DeploymentPlan plan, String serviceAccount)
      throws Exception {
    return runWithFakeGcloud(plan, serviceAccount, false);
  }

  /** Runs the script with a fake gcloud first on the PATH and returns the calls it recorded. */
  private List<List<String>> runWithFakeGcloud(
      DeploymentPlan plan, String serviceAccount, boolean jobsExist) throws Exception {
    Path log = temp.resolve("gcloud.log");
    Result result = run(fakeGcloudCommand(plan), environment(log, serviceAccount, jobsExist));
    assertThat(result.exitCode()).as(result.output()).isZero();
    List<List<String>> calls = new ArrayList<>();
    List<String> call = new ArrayList<>();
    for (String line : Files.readAllLines(log)) {
      if (line.equals("--")) {
        calls.add(call);
        call = new ArrayList<>();
      } else {
        call.add(line);
      }
    }
    return calls;
  }

  private List<String> fakeGcloudCommand(DeploymentPlan plan) throws IOException {
    return List.of("sh", script(plan).toString());
  }

  private Map<String, String> environment(Path log, String serviceAccount, boolean jobsExist)
      throws IOException {
    Path bin = Files.createDirectories(temp.resolve("bin"));
    Path fake = bin.resolve("gcloud");
    Files.writeString(fake, FAKE_GCLOUD);
    Files.setPosixFilePermissions(fake, PosixFilePermissions.fromString("rwxr-xr-x"));
    Map<String, String> environment = new HashMap<>();
    environment.put("PATH", bin + ":" + System.getenv("PATH"));
    environment.put("GCLOUD_LOG", log.toString());
    if (jobsExist) {
      environment.put("JOBS_EXIST", "1");
    }
    if (serviceAccount != null) {
      environment.put("SCHEDULER_SERVICE_ACCOUNT", serviceAccount);
    }
    return environment;
  }

  private record Result(int exitCode, String output) {}

  private Result run(List<String> command, Map<String, String> environment) throws Exception {
    ProcessBuilder builder = new ProcessBuilder(command).directory(temp.toFile());
    builder.environment().remove("SCHEDULER_SERVICE_ACCOUNT");
    builder.environment().remove("SOURCE");
    builder.environment().remove("JOBS_EXIST");
    builder.environment().putAll(environment);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(30, TimeUnit.SECONDS)).isTrue();
    return new Result(process.exitValue(), output + Arrays.toString(command.toArray()));
  }
}
