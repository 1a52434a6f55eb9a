package dev.fn4j.core.logging;

import static org.assertj.core.api.Assertions.assertThat;

import dev.fn4j.core.dispatch.FunctionException;
import org.junit.jupiter.api.Test;

class FailureTextTest {

  static IllegalStateException thrown() {
    return new IllegalStateException("token=s3cr3t\nsecond line");
  }

  @Test
  void byDefaultALogLineNamesTheTypeAndWhereButNotTheMessage() {
    assertThat(FailureText.messagesLogged()).as("off unless the operator opts in").isFalse();
    assertThat(FailureText.of(thrown()))
        .startsWith("java.lang.IllegalStateException at " + FailureTextTest.class.getName())
        .doesNotContain("s3cr3t")
        .doesNotContain("\n");
  }

  @Test
  void withMessagesTheMessageIsAddedOnOneLine() {
    assertThat(FailureText.of(thrown(), true)).endsWith("(token=s3cr3t second line)");
  }

  @Test
  void aFailureWithoutFramesHasNoLocation() {
    IllegalStateException bare = new IllegalStateException("x");
    bare.setStackTrace(new StackTraceElement[0]);
    assertThat(FailureText.of(bare)).isEqualTo("java.lang.IllegalStateException");
  }

  @Test
  void noControlCharacterSurvivesOnALine() {
    assertThat(FailureText.oneLine("a\r\nb\tc\u000bd\u007fe")).isEqualTo("a  b c d e");
  }

  @Test
  void aFunctionNameWithLineBreaksCannotForgeALogLine() {
    FunctionException unknown =
        FunctionException.noSuchFunction(
            "x\r\n\tat forged.Frame(Forged.java:1)", "no such function");

    assertThat(unknown.toLogLine()).doesNotContain("\n").doesNotContain("\r").doesNotContain("\t");
  }
}
