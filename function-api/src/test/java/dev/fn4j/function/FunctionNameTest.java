package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.annotation.ElementType;
import java.lang.annotation.Target;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class FunctionNameTest {

  @FunctionName("to-upper")
  static final class Uppercase implements Function<String, String> {
    @Override
    public String apply(String text) {
      return text.toUpperCase(java.util.Locale.ROOT);
    }
  }

  static final class Unnamed {}

  @Test
  void nameIsReadableAtRuntime() {
    // given / when
    FunctionName name = Uppercase.class.getAnnotation(FunctionName.class);

    // then
    assertThat(name).isNotNull();
    assertThat(name.value()).isEqualTo("to-upper");
  }

  @Test
  void classWithoutTheAnnotationHasNoName() {
    assertThat(Unnamed.class.getAnnotation(FunctionName.class)).isNull();
  }

  @Test
  void annotationTargetsTypesOnly() {
    // given / when
    Target target = FunctionName.class.getAnnotation(Target.class);

    // then
    assertThat(target.value()).containsExactly(ElementType.TYPE);
  }
}
