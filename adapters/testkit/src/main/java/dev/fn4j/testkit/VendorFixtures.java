package dev.fn4j.testkit;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;

/**
 * The shared vendor fixtures: payloads published by the vendors and public projects, kept in {@code
 * ../shared/fixtures/} next to the checkout (one folder per vendor, sources in its {@code
 * SOURCES.md}). They are read where they are and never copied into the repository (DESIGN.md §7).
 *
 * <p>Where they are found, in order:
 *
 * <ol>
 *   <li>the folder named by the system property {@value #PROPERTY}, which the parent pom's surefire
 *       configuration sets to {@code ${maven.multiModuleProjectDirectory}/../shared/fixtures};
 *   <li>else (the property is unset, or names no folder) the first {@code shared/fixtures} folder
 *       found walking up from the working directory, so that tests started from an IDE find them
 *       too.
 * </ol>
 *
 * <pre>{@code
 * @RequiresVendorFixtures("aws")   // skipped, with the reason, when the folder is absent
 * class AwsFixturesTest {
 *   static List<Path> requests() {
 *     return VendorFixtures.require().files("aws", "*-request.json");
 *   }
 *
 *   @ParameterizedTest
 *   @MethodSource("requests")
 *   void every_published_request_is_decoded(Path request) { ... }
 * }
 * }</pre>
 *
 * <p>Instances are immutable and only name a folder that existed when they were made.
 */
public final class VendorFixtures {

  /** The system property (and JUnit configuration parameter) naming the fixtures folder. */
  public static final String PROPERTY = "fn4j.fixtures";

  private static final Path RELATIVE = Path.of("shared", "fixtures");
  private static final Pattern VENDOR = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  private final Path root;

  private VendorFixtures(Path root) {
    this.root = root;
  }

  /**
   * Finds the fixtures from the system property {@value #PROPERTY} and the working directory.
   *
   * @return the fixtures, or empty when they are not there
   */
  public static Optional<VendorFixtures> find() {
    return find(System.getProperty(PROPERTY), workingDirectory());
  }

  /**
   * Finds the fixtures from explicit inputs instead of the system's: the configured folder when it
   * exists, else the first {@code shared/fixtures} walking up from a directory.
   *
   * @param configured the folder configured by {@value #PROPERTY}, or null when unset
   * @param workingDirectory where the upward search starts
   * @return the fixtures, or empty when neither place has them
   */
  public static Optional<VendorFixtures> find(String configured, Path workingDirectory) {
    Objects.requireNonNull(workingDirectory, "workingDirectory");
    if (configured != null && !configured.isBlank()) {
      Path path = Path.of(configured.strip()).toAbsolutePath().normalize();
      if (Files.isDirectory(path)) {
        return Optional.of(new VendorFixtures(path));
      }
    }
    for (Path dir = workingDirectory.toAbsolutePath().normalize();
        dir != null;
        dir = dir.getParent()) {
      Path candidate = dir.resolve(RELATIVE);
      if (Files.isDirectory(candidate)) {
        return Optional.of(new VendorFixtures(candidate));
      }
    }
    return Optional.empty();
  }

  /**
   * Uses a given folder as the fixtures.
   *
   * @param root the fixtures folder
   * @return the fixtures
   * @throws IllegalArgumentException when the folder does not exist
   */
  public static VendorFixtures at(Path root) {
    Path path = root.toAbsolutePath().normalize();
    if (!Files.isDirectory(path)) {
      throw new IllegalArgumentException(notFound(path.toString()));
    }
    return new VendorFixtures(path);
  }

  /**
   * Finds the fixtures or aborts the running test, which JUnit then reports as skipped with the
   * reason. Meant for {@code @BeforeAll} methods and argument sources.
   *
   * @return the fixtures
   * @throws org.opentest4j.TestAbortedException when they are not there
   */
  public static VendorFixtures require() {
    Optional<VendorFixtures> fixtures = find();
    Assumptions.assumeTrue(
        fixtures.isPresent(),
        () -> notFound(searched(System.getProperty(PROPERTY), workingDirectory())));
    return fixtures.orElseThrow();
  }

  /**
   * Finds one vendor's folder, for example {@code VendorFixtures.vendor("aws")}.
   *
   * @param vendor the folder name, for example {@code aws}, {@code alibaba} or {@code cloudevents}
   * @return the folder, or empty when the fixtures or the vendor's folder are not there
   * @throws IllegalArgumentException when the name is not a plain folder name
   */
  public static Optional<Path> vendor(String vendor) {
    checkVendor(vendor);
    return find().flatMap(fixtures -> fixtures.folder(vendor));
  }

  /**
   * Returns the fixtures folder.
   *
   * @return an absolute, normalised path
   */
  public Path root() {
    return root;
  }

  /**
   * Returns a vendor's folder when it exists.
   *
   * @param vendor the folder name, for example {@code aws}
   * @return the folder, or empty
   * @throws IllegalArgumentException when the name is not a plain folder name
   */
  public Optional<Path> folder(String vendor) {
    Path folder = root.resolve(checkVendor(vendor));
    return Files.isDirectory(folder) ? Optional.of(folder) : Optional.empty();
  }

  /**
   * Lists a vendor's files whose name matches a glob.
   *
   * @param vendor the folder name, for example {@code aws}
   * @param glob matched against the file name, for example {@code *-request.json}
   * @return the files, sorted by name; empty when none matches
   * @throws IllegalArgumentException when the vendor's folder does not exist
   * @throws UncheckedIOException when the folder cannot be read
   */
  public List<Path> files(String vendor, String glob) {
    Path folder =
        folder(vendor)
            .orElseThrow(
                () -> new IllegalArgumentException(notFound(vendor, root.resolve(vendor))));
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(Files::isRegularFile)
          .filter(file -> matcher.matches(file.getFileName()))
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list vendor fixtures in " + folder, e);
    }
  }

  /**
   * Returns one of a vendor's files.
   *
   * @param vendor the folder name, for example {@code aws}
   * @param name the file name, for example {@code sqs-event.json}
   * @return the file
   * @throws IllegalArgumentException when the file does not exist
   */
  public Path file(String vendor, String name) {
    Path folder = root.resolve(checkVendor(vendor));
    Path file = folder.resolve(name).normalize();
    if (!file.startsWith(folder) || !Files.isRegularFile(file)) {
      throw new IllegalArgumentException(
          "No vendor fixture '" + name + "' in " + folder + " (vendor '" + vendor + "')");
    }
    return file;
  }

  /**
   * Reads one of a vendor's files as UTF-8 text.
   *
   * @param vendor the folder name, for example {@code aws}
   * @param name the file name
   * @return the text
   * @throws IllegalArgumentException when the file does not exist
   * @throws UncheckedIOException when it cannot be read
   */
  public String text(String vendor, String name) {
    Path file = file(vendor, name);
    try {
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read vendor fixture " + file, e);
    }
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof VendorFixtures fixtures && fixtures.root.equals(root);
  }

  @Override
  public int hashCode() {
    return root.hashCode();
  }

  @Override
  public String toString() {
    return "VendorFixtures[" + root + "]";
  }

  /**
   * Describes where {@link #find(String, Path)} looked, for skip reasons and messages.
   *
   * @param configured the configured folder, or null
   * @param workingDirectory where the upward search started
   * @return for example {@code /work/shared/fixtures (nor in shared/fixtures in /tmp/x or a
   *     parent)}
   */
  static String searched(String configured, Path workingDirectory) {
    String upward =
        RELATIVE + " in " + workingDirectory.toAbsolutePath().normalize() + " or a parent";
    return configured != null && !configured.isBlank()
        ? Path.of(configured.strip()).toAbsolutePath().normalize() + " (nor in " + upward + ")"
        : upward;
  }

  static String notFound(String where) {
    return "shared vendor fixtures not found at "
        + where
        + "; set the system property "
        + PROPERTY
        + " to their folder";
  }

  static String notFound(String vendor, Path folder) {
    return "shared vendor fixtures for '" + vendor + "' not found at " + folder;
  }

  static String checkVendor(String vendor) {
    Objects.requireNonNull(vendor, "vendor");
    if (!VENDOR.matcher(vendor).matches() || vendor.contains("..")) {
      throw new IllegalArgumentException(
          "A vendor is a plain folder name such as 'aws', not '" + vendor + "'");
    }
    return vendor;
  }

  private static Path workingDirectory() {
    return Path.of(System.getProperty("user.dir", "."));
  }
}
