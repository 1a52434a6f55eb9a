package dev.fn4j.maven;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * Writes {@code gcp/deploy.sh}, a POSIX shell script that deploys every function as its own Cloud
 * Function (2nd gen) with {@code gcloud}: the same jar each time, {@code FN4J_FUNCTION} naming the
 * fn4j function it runs.
 *
 * <table>
 *   <caption>Triggers</caption>
 *   <tr><th>fn4j</th><th>gcloud</th></tr>
 *   <tr><td>http</td><td>{@code GcfHttpFunction}, {@code --trigger-http}; authentication stays
 *       on</td></tr>
 *   <tr><td>topic</td><td>{@code GcfEventFunction}, {@code --trigger-topic}, {@code
 *       --retry}</td></tr>
 *   <tr><td>queue</td><td>the same: Google has no queue trigger, a queue is a Pub/Sub topic
 *       there (a warning says so)</td></tr>
 *   <tr><td>schedule</td><td>an HTTP function, and a Cloud Scheduler job that calls its URL with
 *       an OIDC token of {@code $SCHEDULER_SERVICE_ACCOUNT} (GET for a supplier, else
 *       POST)</td></tr>
 *   <tr><td>event</td><td>{@code GcfEventFunction}, {@code --trigger-event-filters=type=...},
 *       {@code --retry}</td></tr>
 * </table>
 *
 * <p>Event functions are deployed with {@code --retry}: a failed event is redelivered, never
 * silently acknowledged (DESIGN.md section 6). Every value the script takes from the POM is quoted
 * for {@code sh}. The script is safe to run again: {@code gcloud functions deploy} updates, and a
 * scheduler job that exists is updated instead of created.
 */
public final class GcloudScriptWriter implements DescriptorWriter {

  private static final String HTTP_ENTRY = "dev.fn4j.gcp.GcfHttpFunction";
  private static final String EVENT_ENTRY = "dev.fn4j.gcp.GcfEventFunction";

  /** Characters {@code sh} reads literally in an unquoted word (no {@code ~}: it expands first). */
  private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9_./:=@%+,\\-]+");

  /** The longest timeout of an event-driven function (HTTP functions get 3600 s), in seconds. */
  private static final int EVENT_MAX_TIMEOUT = 540;

  /** The longest Cloud Function name. */
  private static final int MAX_NAME = 63;

  /** Cloud Scheduler's shortest attempt deadline for HTTP targets, in seconds. */
  private static final int MIN_ATTEMPT_DEADLINE = 15;

  /** Creates the writer. */
  public GcloudScriptWriter() {}

  @Override
  public String platform() {
    return "gcp";
  }

  @Override
  public List<GeneratedFile> write(DeploymentPlan plan) {
    StringBuilder script = new StringBuilder();
    header(plan, script);
    for (FunctionPlan function : plan.functions()) {
      script.append('\n');
      function(plan, function, script);
    }
    return List.of(new GeneratedFile("gcp/deploy.sh", script.toString()));
  }

  @Override
  public List<String> warnings(DeploymentPlan plan) {
    List<String> warnings = new ArrayList<>();
    for (FunctionPlan function : plan.functions()) {
      String where = "function '" + function.name() + "': ";
      Trigger trigger = function.trigger();
      if (trigger instanceof Trigger.Queue || trigger instanceof Trigger.Event) {
        warnings.add(where + triggerWarning(trigger));
      }
      boolean eventDriven =
          !(trigger instanceof Trigger.Http || trigger instanceof Trigger.Schedule);
      if (eventDriven && function.timeoutSeconds() > EVENT_MAX_TIMEOUT) {
        warnings.add(
            where
                + "an event-driven function may run at most "
                + EVENT_MAX_TIMEOUT
                + " s on Google, not "
                + function.timeoutSeconds()
                + " s: gcloud refuses --timeout="
                + function.timeoutSeconds()
                + "s");
      }
      if (name(plan, function).length() > MAX_NAME) {
        warnings.add(
            where
                + "its Cloud Function '"
                + name(plan, function)
                + "' is longer than "
                + MAX_NAME
                + " characters, which Google refuses: shorten the application's or the"
                + " function's name");
      }
    }
    return warnings;
  }

  private static String triggerWarning(Trigger trigger) {
    if (trigger instanceof Trigger.Queue queue) {
      return "Google has no queue trigger; queue '"
          + queue.name()
          + "' is deployed as the Pub/Sub topic '"
          + queue.name()
          + "' (--trigger-topic)";
    }
    return "the Eventarc trigger filters on type '"
        + ((Trigger.Event) trigger).type()
        + "' only: Eventarc accepts the event types of its providers (most Google types also"
        + " need a resource filter, bucket=... for Storage), and a type of your own must come"
        + " through an Eventarc channel";
  }

  private static void header(DeploymentPlan plan, StringBuilder script) {
    script
        .append("#!/bin/sh\n")
        .append("# Deploys the functions of ")
        .append(comment(plan.application()))
        .append(" to Google Cloud Functions (2nd gen): one Cloud Function each,\n")
        .append("# all from the same jar, FN4J_FUNCTION naming the fn4j function it runs.\n")
        .append("# Generated by fn4j-maven-plugin: change the plugin's configuration, not this")
        .append(" file.\n#\n")
        .append("# SOURCE is a folder that holds only the jar, ")
        .append(comment(plan.jarName()))
        .append(":\n#   mkdir -p deploy && cp target/")
        .append(comment(plan.jarName()))
        .append(" deploy/ && sh deploy.sh\n")
        .append("# HTTP functions keep authentication on: a caller needs roles/run.invoker\n")
        .append("# (gcloud functions add-invoker-policy-binding NAME --member=...); add\n")
        .append("# --allow-unauthenticated to a deploy line to make that function public.\n")
        .append("set -eu\n\n")
        .append("SOURCE=\"${SOURCE:-deploy}\"\n");
    if (plan.functions().stream().anyMatch(f -> f.trigger() instanceof Trigger.Schedule)) {
      schedulerHeader(script);
    }
  }

  private static void schedulerHeader(StringBuilder script) {
    script
        .append('\n')
        .append("# Cloud Scheduler calls the scheduled functions with an OIDC token of this")
        .append(" service account;\n")
        .append("# the script lets it invoke them.\n")
        .append(": \"${SCHEDULER_SERVICE_ACCOUNT:?set SCHEDULER_SERVICE_ACCOUNT to the service")
        .append(" account Cloud Scheduler calls the functions as}\"\n\n")
        .append("# Creates Cloud Scheduler job $1 in location $2 with the flags that follow,")
        .append(" or updates it.\n")
        .append("scheduler_job() {\n")
        .append("  job=$1\n")
        .append("  location=$2\n")
        .append("  shift 2\n")
        .append("  if gcloud scheduler jobs describe \"$job\" --location=\"$location\"")
        .append(" >/dev/null 2>&1; then\n")
        .append("    gcloud scheduler jobs update http \"$job\" --location=\"$location\" \"$@\"\n")
        .append("  else\n")
        .append("    gcloud scheduler jobs create http \"$job\" --location=\"$location\" \"$@\"\n")
        .append("  fi\n")
        .append("}\n");
  }

  /** What a deploy line's comment says, and its trigger flags. */
  private record Deployment(String what, String triggerFlags) {}

  private static void function(DeploymentPlan plan, FunctionPlan function, StringBuilder script) {
    Deployment deployment = deployment(function);
    script
        .append("# ")
        .append(comment(function.name() + ": " + deployment.what()))
        .append('\n')
        .append("gcloud functions deploy ")
        .append(quote(name(plan, function)))
        .append(" --gen2 --runtime=")
        .append(quote(plan.settings().gcpRuntime()))
        .append(" --region=")
        .append(quote(plan.settings().gcpRegion()))
        .append(" \\\n  --source=\"$SOURCE\" --memory=")
        .append(function.memoryMb())
        .append("Mi --timeout=")
        .append(function.timeoutSeconds())
        .append("s --set-env-vars=")
        .append(quote("FN4J_FUNCTION=" + function.name()))
        .append(" \\\n  ")
        .append(deployment.triggerFlags())
        .append('\n');
    if (function.trigger() instanceof Trigger.Schedule schedule) {
      schedule(plan, function, schedule, script);
    }
  }

  private static Deployment deployment(FunctionPlan function) {
    Trigger trigger = function.trigger();
    String http = "--entry-point=" + HTTP_ENTRY + " --trigger-http";
    if (trigger instanceof Trigger.Http h) {
      return new Deployment(
          "HTTP " + h.method() + " to the function's URL (any path: FN4J_FUNCTION selects it)",
          http);
    } else if (trigger instanceof Trigger.Topic topic) {
      return new Deployment(
          "the messages of Pub/Sub topic " + topic.name() + "; failures are retried",
          eventFlags("--trigger-topic=" + quote(topic.name())));
    } else if (trigger instanceof Trigger.Queue queue) {
      return new Deployment(
          "Google has no queue trigger: queue "
              + queue.name()
              + " is the Pub/Sub topic "
              + queue.name()
              + " here; failures are retried",
          eventFlags("--trigger-topic=" + quote(queue.name())));
    } else if (trigger instanceof Trigger.Schedule schedule) {
      return new Deployment(
          "at '"
              + schedule.cron().unix()
              + "' (UTC), Cloud Scheduler calls the HTTP function with "
              + method(function),
          http);
    } else if (trigger instanceof Trigger.Event event) {
      return new Deployment(
          "Eventarc events of type " + event.type() + "; failures are retried",
          eventFlags("--trigger-event-filters=" + quote("type=" + event.type())));
    }
    throw new AssertionError(trigger);
  }

  private static void schedule(
      DeploymentPlan plan, FunctionPlan function, Trigger.Schedule schedule, StringBuilder script) {
    String name = quote(name(plan, function));
    String region = quote(plan.settings().gcpRegion());
    script
        .append("gcloud functions add-invoker-policy-binding ")
        .append(name)
        .append(" --region=")
        .append(region)
        .append(" \\\n  --member=\"serviceAccount:$SCHEDULER_SERVICE_ACCOUNT\"\n")
        .append("uri=$(gcloud functions describe ")
        .append(name)
        .append(" --region=")
        .append(region)
        .append(" --format='value(serviceConfig.uri)')\n")
        .append("scheduler_job ")
        .append(quote(name(plan, function) + "-schedule"))
        .append(' ')
        .append(region)
        .append(" --schedule=")
        .append(quote(schedule.cron().unix()))
        .append(" --time-zone=UTC \\\n  --uri=\"$uri\" --http-method=")
        .append(method(function))
        .append(" --attempt-deadline=")
        .append(Math.max(MIN_ATTEMPT_DEADLINE, function.timeoutSeconds()))
        .append("s \\\n  --oidc-service-account-email=\"$SCHEDULER_SERVICE_ACCOUNT\"\n");
  }

  private static String eventFlags(String triggerFlag) {
    return "--entry-point=" + EVENT_ENTRY + " " + triggerFlag + " --retry";
  }

  /** A supplier is called with GET, anything else with POST (fn4j's HTTP contract). */
  private static String method(FunctionPlan function) {
    return function.supplier() ? "GET" : "POST";
  }

  private static String name(DeploymentPlan plan, FunctionPlan function) {
    return plan.application() + "-" + function.dnsName();
  }

  /**
   * Returns a value as one {@code sh} word: as it is when every character is literal to the shell,
   * else in single quotes (a quote inside becomes {@code '\''}).
   *
   * @param value the value
   * @return the word
   */
  static String quote(String value) {
    if (!value.isEmpty() && SAFE.matcher(value).matches()) {
      return value;
    }
    return "'" + value.replace("'", "'\\''") + "'";
  }

  /** Keeps a comment on its line. */
  private static String comment(String text) {
    return text.replaceAll("[\\r\\n]", " ");
  }
}
