package dev.fn4j.maven;

import java.io.File;
import java.net.MalformedURLException;
import java.net.URL;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.maven.artifact.DependencyResolutionRequiredException;
import org.apache.maven.plugin.AbstractMojo;
import org.apache.maven.plugin.MojoExecutionException;
import org.apache.maven.plugin.MojoFailureException;
import org.apache.maven.plugins.annotations.LifecyclePhase;
import org.apache.maven.plugins.annotations.Mojo;
import org.apache.maven.plugins.annotations.Parameter;
import org.apache.maven.plugins.annotations.ResolutionScope;
import org.apache.maven.project.MavenProject;

/**
 * Writes each cloud's deployment descriptors under {@code target/fn4j/}, from the functions of the
 * built application and the {@code <function>} triggers of this configuration: a SAM template,
 * Serverless Devs' {@code s.yaml}, Azure's {@code host.json} and {@code function.json} files, the
 * {@code gcloud} commands, and Knative's {@code Service} with its {@code Trigger}s. Bound to {@code
 * package}; declare it after the plugin that packages the jar.
 */
@Mojo(
    name = "descriptors",
    defaultPhase = LifecyclePhase.PACKAGE,
    requiresDependencyResolution = ResolutionScope.RUNTIME,
    threadSafe = true)
public final class DescriptorsMojo extends AbstractMojo {

  /** The project being built. */
  @Parameter(defaultValue = "${project}", readonly = true, required = true)
  private MavenProject project;

  /** Where the descriptors go; one folder per platform below it. */
  @Parameter(defaultValue = "${project.build.directory}/fn4j", property = "fn4j.outputDirectory")
  private File outputDirectory;

  /** The application's name: services, functions and stacks are named after it. */
  @Parameter(defaultValue = "${project.artifactId}", property = "fn4j.application")
  private String application;

  /** The file name of the jar the descriptors deploy. */
  @Parameter(defaultValue = "${project.build.finalName}.jar", property = "fn4j.jarName")
  private String jarName;

  /** The Spring Boot application class, for a Spring Boot jar; none for a plain jar. */
  @Parameter(property = "fn4j.startClass")
  private String startClass;

  /**
   * The platforms to write for: {@code aws}, {@code alibaba}, {@code azure}, {@code gcp}, {@code
   * knative}; all when empty.
   */
  @Parameter private List<String> platforms;

  /** The triggers and resources of functions that are not served over HTTP on {@code /<name>}. */
  @Parameter private List<FunctionConfig> functions;

  /** The memory of functions that do not set theirs, in MiB. */
  @Parameter(defaultValue = "512", property = "fn4j.memory")
  private int memory;

  /** The timeout of functions that do not set theirs, in seconds. */
  @Parameter(defaultValue = "30", property = "fn4j.timeout")
  private int timeout;

  /** AWS: SnapStart on published versions. */
  @Parameter(defaultValue = "false", property = "fn4j.aws.snapStart")
  private boolean snapStart;

  /** AWS: the managed Java runtime. */
  @Parameter(defaultValue = "java21", property = "fn4j.aws.runtime")
  private String awsRuntime;

  /** Alibaba: {@code custom} (the launcher on FC's custom runtime) or {@code builtin}. */
  @Parameter(defaultValue = "custom", property = "fn4j.alibaba.runtime")
  private String alibabaRuntime;

  /** Alibaba: the region. */
  @Parameter(defaultValue = "cn-hangzhou", property = "fn4j.alibaba.region")
  private String alibabaRegion;

  /** Google: the region. */
  @Parameter(defaultValue = "europe-west1", property = "fn4j.gcp.region")
  private String gcpRegion;

  /** Google: the Java runtime. */
  @Parameter(defaultValue = "java17", property = "fn4j.gcp.runtime")
  private String gcpRuntime;

  /** Knative: the container image holding the jar. */
  @Parameter(
      defaultValue = "${project.artifactId}:${project.version}",
      property = "fn4j.knative.image")
  private String knativeImage;

  /** Knative: the broker event triggers subscribe to. */
  @Parameter(defaultValue = "default", property = "fn4j.knative.broker")
  private String knativeBroker;

  /** Knative: delivery attempts after the first. */
  @Parameter(defaultValue = "3", property = "fn4j.knative.retries")
  private int knativeRetries;

  /** Knative: where undeliverable events go (a URI); none when not set. */
  @Parameter(property = "fn4j.knative.deadLetterSink")
  private String knativeDeadLetterSink;

  /** Skips the goal. */
  @Parameter(defaultValue = "false", property = "fn4j.descriptors.skip")
  private boolean skip;

  /** Creates the goal; Maven calls this. */
  public DescriptorsMojo() {}

  @Override
  public void execute() throws MojoExecutionException, MojoFailureException {
    if (skip) {
      getLog().info("fn4j: descriptors skipped");
      return;
    }
    String pom = project.getBasedir().toPath().relativize(project.getFile().toPath()).toString();
    try {
      List<DescriptorWriter> writers = Platforms.writers(platforms, pom);
      PlanBuilder builder = new PlanBuilder(pom, memory, timeout);
      List<CatalogEntry> catalog;
      try (ProjectClassLoader loader =
          new ProjectClassLoader(classPath(), DescriptorsMojo.class.getClassLoader())) {
        catalog = CatalogReader.read(loader, blankToNull(startClass));
      }
      DeploymentPlan plan =
          builder.build(
              application,
              jarName,
              catalog,
              functions == null ? List.of() : functions,
              new DeploymentPlan.Settings(
                  snapStart,
                  awsRuntime,
                  alibabaRuntime,
                  alibabaRegion,
                  gcpRegion,
                  gcpRuntime,
                  knativeImage,
                  knativeBroker,
                  knativeRetries,
                  blankToNull(knativeDeadLetterSink)));
      DescriptorGenerator.Result result =
          new DescriptorGenerator(writers).generate(plan, outputDirectory.toPath());
      result.warnings().forEach(warning -> getLog().warn("fn4j: " + warning));
      getLog()
          .info(
              "fn4j: "
                  + catalog.size()
                  + " function(s), "
                  + result.files().size()
                  + " descriptor file(s) under "
                  + relative(outputDirectory.toPath()));
    } catch (DescriptorConfigurationException e) {
      throw new MojoFailureException(e.getMessage());
    } catch (java.io.IOException | RuntimeException e) {
      throw new MojoExecutionException(
          "fn4j: the functions of "
              + project.getArtifactId()
              + " cannot be read: "
              + e.getMessage(),
          e);
    }
  }

  private URL[] classPath() throws MojoExecutionException {
    try {
      List<URL> urls = new ArrayList<>();
      for (String element : project.getRuntimeClasspathElements()) {
        urls.add(new File(element).toURI().toURL());
      }
      return urls.toArray(URL[]::new);
    } catch (DependencyResolutionRequiredException | MalformedURLException e) {
      throw new MojoExecutionException("fn4j: the runtime class path cannot be resolved", e);
    }
  }

  private String relative(Path path) {
    return project.getBasedir().toPath().relativize(path).toString();
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
