package dev.fn4j.core.platform;

import dev.fn4j.core.local.LocalPlatform;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.ServiceLoader;

/**
 * Picks the platform to run: the one {@code FN4J_PLATFORM} names, else the detected platform with
 * the highest priority, else the local runner.
 */
public final class Launcher {

  private final List<Platform> platforms;

  /**
   * Creates a launcher over given platforms.
   *
   * @param platforms the candidates, in any order
   */
  public Launcher(List<Platform> platforms) {
    this.platforms = List.copyOf(platforms);
  }

  /**
   * Creates a launcher over the platforms listed in {@code META-INF/services}.
   *
   * @param loader where to look
   * @return the launcher
   */
  public static Launcher discover(ClassLoader loader) {
    List<Platform> found = new ArrayList<>();
    ServiceLoader.load(Platform.class, loader).forEach(found::add);
    return new Launcher(found);
  }

  /**
   * Chooses the platform for an environment.
   *
   * @param environment the environment
   * @return the platform to run
   * @throws IllegalArgumentException when {@code FN4J_PLATFORM} names an unknown platform
   */
  public Platform select(Environment environment) {
    Optional<String> forced = environment.value("FN4J_PLATFORM");
    if (forced.isPresent()) {
      String id = forced.get();
      if (id.equals("local")) {
        return new LocalPlatform();
      }
      return platforms.stream()
          .filter(platform -> platform.id().equals(id))
          .findFirst()
          .orElseThrow(
              () ->
                  new IllegalArgumentException(
                      "FN4J_PLATFORM names '" + id + "'; available: local" + ids()));
    }
    return platforms.stream()
        .filter(platform -> platform.detect(environment))
        .max(Comparator.comparingInt(Platform::priority))
        .orElseGet(LocalPlatform::new);
  }

  private String ids() {
    StringBuilder ids = new StringBuilder();
    platforms.forEach(platform -> ids.append(", ").append(platform.id()));
    return ids.toString();
  }
}
