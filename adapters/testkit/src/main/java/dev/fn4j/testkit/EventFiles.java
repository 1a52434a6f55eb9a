package dev.fn4j.testkit;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.nio.file.Paths;
import java.util.Enumeration;
import java.util.List;
import java.util.Objects;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Reads the event files a project writes itself (DESIGN.md §7, STYLE.md D10) from the test class
 * path, for example {@code src/test/resources/events/aws/sqs/ok.json}:
 *
 * <pre>{@code
 * String event = EventFiles.text("events/aws/sqs/ok.json");
 *
 * static List<String> sqsEvents() {
 *   return EventFiles.list("events/aws/sqs", "*.json");   // for a @MethodSource
 * }
 * }</pre>
 *
 * <p>Paths are class path resource names: separated by {@code /}, relative to a class path root (a
 * leading {@code /} is ignored). The methods without a class loader use the thread's context class
 * loader, falling back to the one that loaded this class. A missing file is an {@link
 * IllegalArgumentException} naming it and the files next to it, never a {@code null}.
 */
public final class EventFiles {

  private EventFiles() {}

  /**
   * Reads an event file as UTF-8 text.
   *
   * @param path the resource name, for example {@code events/aws/sqs/ok.json}
   * @return the file's text
   * @throws IllegalArgumentException when no such file is on the class path
   * @throws UncheckedIOException when it cannot be read
   */
  public static String text(String path) {
    return text(defaultLoader(), path);
  }

  /**
   * Reads an event file as UTF-8 text from a class loader.
   *
   * @param loader where to look
   * @param path the resource name
   * @return the file's text
   * @throws IllegalArgumentException when the loader has no such file
   * @throws UncheckedIOException when it cannot be read
   */
  public static String text(ClassLoader loader, String path) {
    return new String(bytes(loader, path), StandardCharsets.UTF_8);
  }

  /**
   * Reads an event file's bytes.
   *
   * @param path the resource name, for example {@code events/aws/sqs/ok.json}
   * @return a fresh copy of the file's bytes
   * @throws IllegalArgumentException when no such file is on the class path
   * @throws UncheckedIOException when it cannot be read
   */
  public static byte[] bytes(String path) {
    return bytes(defaultLoader(), path);
  }

  /**
   * Reads an event file's bytes from a class loader.
   *
   * @param loader where to look
   * @param path the resource name
   * @return a fresh copy of the file's bytes
   * @throws IllegalArgumentException when the loader has no such file
   * @throws UncheckedIOException when it cannot be read
   */
  public static byte[] bytes(ClassLoader loader, String path) {
    Objects.requireNonNull(loader, "loader");
    String name = resourceName(path);
    URL url = loader.getResource(name);
    if (url == null || name.isEmpty() || name.endsWith("/")) {
      throw new IllegalArgumentException(missing(loader, name));
    }
    if (isDirectory(url)) {
      throw new IllegalArgumentException(
          "'" + name + "' is a folder, not an event file; list it with EventFiles.list");
    }
    try (InputStream in = open(url)) {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot read event file '" + name + "' at " + url, e);
    }
  }

  /**
   * Lists the files under a class path folder and its sub-folders, from every class path root that
   * has the folder, in directories and in jars alike.
   *
   * @param folder the folder's resource name, for example {@code events/aws}
   * @return the files' resource names (usable with {@link #text(String)}), sorted
   * @throws IllegalArgumentException when no class path root has the folder
   * @throws UncheckedIOException when a folder or jar cannot be read
   */
  public static List<String> list(String folder) {
    return list(defaultLoader(), folder, "*");
  }

  /**
   * Lists the files under a class path folder whose file name matches a glob.
   *
   * @param folder the folder's resource name, for example {@code events/aws/sqs}
   * @param glob matched against the file name only, for example {@code *.json} or {@code ok*}
   * @return the matching files' resource names, sorted
   * @throws IllegalArgumentException when no class path root has the folder
   * @throws UncheckedIOException when a folder or jar cannot be read
   */
  public static List<String> list(String folder, String glob) {
    return list(defaultLoader(), folder, glob);
  }

  /**
   * Lists the files under a folder of a class loader whose file name matches a glob.
   *
   * @param loader where to look
   * @param folder the folder's resource name
   * @param glob matched against the file name only; {@code *} matches every file
   * @return the matching files' resource names, sorted
   * @throws IllegalArgumentException when the loader has no such folder
   * @throws UncheckedIOException when a folder or jar cannot be read
   */
  public static List<String> list(ClassLoader loader, String folder, String glob) {
    Objects.requireNonNull(loader, "loader");
    PathMatcher matcher = FileSystems.getDefault().getPathMatcher("glob:" + glob);
    String prefix = folderName(folder);
    TreeSet<String> files = new TreeSet<>();
    boolean found = false;
    try {
      Enumeration<URL> roots = loader.getResources(prefix.isEmpty() ? "" : stripSlash(prefix));
      while (roots.hasMoreElements()) {
        URL root = roots.nextElement();
        found |= collect(root, prefix, files);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list event folder '" + prefix + "'", e);
    }
    if (!found) {
      throw new IllegalArgumentException(
          "No event folder '" + prefix + "' on the class path (looked with " + loader + ")");
    }
    return files.stream()
        .filter(name -> matcher.matches(Paths.get(name.substring(name.lastIndexOf('/') + 1))))
        .toList();
  }

  private static boolean collect(URL root, String prefix, TreeSet<String> files)
      throws IOException {
    if ("file".equals(root.getProtocol())) {
      Path directory;
      try {
        directory = Path.of(root.toURI());
      } catch (URISyntaxException e) {
        throw new IOException("Unusable class path URL " + root, e);
      }
      if (!Files.isDirectory(directory)) {
        return false;
      }
      try (Stream<Path> walk = Files.walk(directory)) {
        walk.filter(Files::isRegularFile)
            .map(file -> prefix + slashes(directory.relativize(file)))
            .forEach(files::add);
      }
      return true;
    }
    if ("jar".equals(root.getProtocol())) {
      URLConnection connection = root.openConnection();
      connection.setUseCaches(false);
      if (!(connection instanceof JarURLConnection jar)) {
        return false;
      }
      try (JarFile file = jar.getJarFile()) {
        boolean any = false;
        Enumeration<JarEntry> entries = file.entries();
        while (entries.hasMoreElements()) {
          JarEntry entry = entries.nextElement();
          if (entry.getName().startsWith(prefix) && !entry.getName().equals(prefix)) {
            any = true;
            if (!entry.isDirectory()) {
              files.add(entry.getName());
            }
          }
        }
        return any || file.getEntry(prefix) != null;
      }
    }
    throw new IOException("Cannot list class path folder " + root + ": unsupported protocol");
  }

  private static boolean isDirectory(URL url) {
    try {
      return "file".equals(url.getProtocol()) && Files.isDirectory(Path.of(url.toURI()));
    } catch (URISyntaxException | IllegalArgumentException e) {
      return false;
    }
  }

  private static String slashes(Path relative) {
    StringBuilder name = new StringBuilder();
    for (Path part : relative) {
      name.append(name.length() == 0 ? "" : "/").append(part);
    }
    return name.toString();
  }

  private static InputStream open(URL url) throws IOException {
    URLConnection connection = url.openConnection();
    connection.setUseCaches(false); // so that no jar stays open after the read
    return connection.getInputStream();
  }

  private static String missing(ClassLoader loader, String name) {
    StringBuilder message =
        new StringBuilder("No event file '").append(name).append("' on the class path");
    int slash = name.lastIndexOf('/');
    if (slash > 0) {
      try {
        List<String> siblings = list(loader, name.substring(0, slash), "*");
        message.append("; '").append(name, 0, slash).append("' holds ");
        message.append(
            siblings.stream().map(sibling -> sibling.substring(slash + 1)).toList().toString());
      } catch (IllegalArgumentException | UncheckedIOException e) {
        message.append("; there is no folder '").append(name, 0, slash).append("' either");
      }
    }
    return message.toString();
  }

  private static String resourceName(String path) {
    Objects.requireNonNull(path, "path");
    return path.startsWith("/") ? path.substring(1) : path;
  }

  private static String folderName(String folder) {
    String name = resourceName(folder);
    return name.isEmpty() || name.endsWith("/") ? name : name + "/";
  }

  private static String stripSlash(String folder) {
    return folder.substring(0, folder.length() - 1);
  }

  private static ClassLoader defaultLoader() {
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    return context != null ? context : EventFiles.class.getClassLoader();
  }
}
