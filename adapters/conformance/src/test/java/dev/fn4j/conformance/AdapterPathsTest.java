package dev.fn4j.conformance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class AdapterPathsTest {

  @Test
  void all_has_every_path_with_the_reference_first() {
    try (AdapterPaths paths = AdapterPaths.all()) {
      assertThat(paths.names()).isEqualTo(AdapterPaths.NAMES).startsWith(AdapterPaths.LOCAL);
      assertThat(paths.list()).extracting(AdapterPath::name).isEqualTo(AdapterPaths.NAMES);
    }
  }

  @Test
  void paths_are_chosen_by_name_in_the_order_given() {
    try (AdapterPaths paths = AdapterPaths.of(AdapterPaths.GCP_HTTP, AdapterPaths.LOCAL)) {
      assertThat(paths.names()).containsExactly(AdapterPaths.GCP_HTTP, AdapterPaths.LOCAL);
      assertThat(paths.get(AdapterPaths.GCP_HTTP).name()).isEqualTo(AdapterPaths.GCP_HTTP);
      assertThatThrownBy(() -> paths.get(AdapterPaths.KNATIVE))
          .isInstanceOf(IllegalArgumentException.class);
    }
  }

  @Test
  void unknown_or_repeated_names_are_refused() {
    assertThatThrownBy(() -> AdapterPaths.of("aws"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessageContaining(AdapterPaths.AWS_LAMBDA_HANDLER);
    assertThatThrownBy(() -> AdapterPaths.of(AdapterPaths.LOCAL, AdapterPaths.LOCAL))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void a_closed_server_path_stops_its_server_and_refuses_calls() {
    AdapterPaths paths = AdapterPaths.of(AdapterPaths.KNATIVE, AdapterPaths.AWS_RUNTIME_API);
    for (AdapterPath path : paths) {
      assertThat(path.call(Call.get("answer")).status()).isEqualTo(200);
    }

    paths.close();

    for (AdapterPath path : paths) {
      assertThatThrownBy(() -> path.call(Call.get("answer")))
          .isInstanceOf(PathFailure.class)
          .hasMessageContaining(path.name())
          .hasMessageContaining("closed");
    }
  }
}
