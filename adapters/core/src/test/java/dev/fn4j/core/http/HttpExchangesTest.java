package dev.fn4j.core.http;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.fn4j.core.dispatch.FunctionException;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import org.junit.jupiter.api.Test;

/** Reading request bodies and paths the same way on every server. */
class HttpExchangesTest {

  @Test
  void a_body_refused_by_its_declared_length_is_read_to_its_end_first() throws IOException {
    // given: a client that sent the whole body before reading the answer
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);

    // when
    assertThatThrownBy(() -> HttpExchanges.readBody(body, "100000", 1_000, "upload"))
        .isInstanceOf(FunctionException.class)
        .hasMessageContaining("larger than the limit of 1000 bytes");

    // then: nothing is left unread for the kernel to reset the connection over
    assertThat(body.available()).isZero();
  }

  @Test
  void a_chunked_body_over_the_limit_is_read_to_its_end_first() {
    ByteArrayInputStream body = new ByteArrayInputStream(new byte[100_000]);

    assertThatThrownBy(() -> HttpExchanges.readBody(body, null, 1_000, "upload"))
        .isInstanceOf(FunctionException.class);

    assertThat(body.available()).isZero();
  }

  @Test
  void a_huge_refused_body_is_cut_off_after_the_swallow_limit() {
    long huge = HttpExchanges.MAX_SWALLOWED_BYTES + 1_000_000;
    CountingStream body = new CountingStream(huge);

    assertThatThrownBy(() -> HttpExchanges.readBody(body, Long.toString(huge), 1_000, "upload"))
        .isInstanceOf(FunctionException.class);

    assertThat(body.read)
        .isGreaterThanOrEqualTo(HttpExchanges.MAX_SWALLOWED_BYTES)
        .isLessThan(huge);
  }

  @Test
  void paths_are_percent_decoded_as_the_jdk_server_decodes_them() {
    assertThat(HttpExchanges.decodePath("/upper%63ase")).isEqualTo("/uppercase");
    assertThat(HttpExchanges.decodePath("/uppercase%7Creverse")).isEqualTo("/uppercase|reverse");
    assertThat(HttpExchanges.decodePath("/a+b")).isEqualTo("/a+b");
    assertThat(HttpExchanges.decodePath("/f%C3%BCnf")).isEqualTo("/fünf");
    assertThat(HttpExchanges.decodePath("/plain")).isEqualTo("/plain");
    assertThat(HttpExchanges.decodePath("/bad%zz")).isEqualTo("/bad%zz");
    assertThat(HttpExchanges.decodePath(null)).isNull();
  }

  /** An endless-looking stream of zero bytes that counts what was read. */
  private static final class CountingStream extends java.io.InputStream {
    private final long size;
    long read;

    CountingStream(long size) {
      this.size = size;
    }

    @Override
    public int read() {
      if (read >= size) {
        return -1;
      }
      read++;
      return 0;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) {
      if (read >= size) {
        return -1;
      }
      int n = (int) Math.min(length, size - read);
      read += n;
      return n;
    }
  }
}
