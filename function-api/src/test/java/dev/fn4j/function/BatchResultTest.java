package dev.fn4j.function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class BatchResultTest {

  @Test
  void successHasNoFailedItem() {
    // given / when
    BatchResult result = BatchResult.success();

    // then
    assertThat(result.failedIndices()).isEmpty();
    assertThat(result.allSucceeded()).isTrue();
  }

  @Test
  void failedIndicesAreSortedWithoutRepeats() {
    // given / when
    BatchResult result = BatchResult.failed(7, 2, 7, 0, 2, 5);

    // then
    assertThat(result.failedIndices()).containsExactly(0, 2, 5, 7);
    assertThat(result.allSucceeded()).isFalse();
  }

  @Test
  void failedFromACollectionIsSortedWithoutRepeats() {
    // given
    List<Integer> indices = List.of(9, 3, 3, 1);

    // when
    BatchResult result = BatchResult.failed(indices);

    // then
    assertThat(result.failedIndices()).containsExactly(1, 3, 9);
  }

  @Test
  void failedFromAnyCollectionType() {
    // given / when
    BatchResult result = BatchResult.failed(Set.of(4, 1));

    // then
    assertThat(result.failedIndices()).containsExactly(1, 4);
  }

  @Test
  void indexZeroIsAValidFailure() {
    // given / when
    BatchResult result = BatchResult.failed(0);

    // then
    assertThat(result.failedIndices()).containsExactly(0);
    assertThat(result.allSucceeded()).isFalse();
  }

  @Test
  void noFailedIndexMeansAllSucceeded() {
    // given / when
    BatchResult fromArray = BatchResult.failed();
    BatchResult fromList = BatchResult.failed(List.of());

    // then
    assertThat(fromArray.allSucceeded()).isTrue();
    assertThat(fromList.allSucceeded()).isTrue();
    assertThat(fromArray.failedIndices()).isEmpty();
    assertThat(fromArray).isEqualTo(BatchResult.success());
  }

  @Test
  void negativeIndexIsRejected() {
    assertThatIllegalArgumentException().isThrownBy(() -> BatchResult.failed(1, -1));
    assertThatIllegalArgumentException().isThrownBy(() -> BatchResult.failed(List.of(-5)));
    assertThatIllegalArgumentException().isThrownBy(() -> BatchResult.failed(Integer.MIN_VALUE));
  }

  @Test
  void nullIndexIsRejected() {
    // given
    List<Integer> indices = Arrays.asList(1, null);

    // when / then
    assertThatIllegalArgumentException().isThrownBy(() -> BatchResult.failed(indices));
  }

  @Test
  void resultIsNotAffectedByLaterChangesToTheCollection() {
    // given
    List<Integer> indices = new ArrayList<>(List.of(2, 1));
    BatchResult result = BatchResult.failed(indices);

    // when
    indices.add(0);
    indices.set(0, 99);

    // then
    assertThat(result.failedIndices()).containsExactly(1, 2);
  }

  @Test
  void failedIndicesAreUnmodifiable() {
    // given
    BatchResult result = BatchResult.failed(1, 2);

    // when / then
    assertThatThrownBy(() -> result.failedIndices().add(3))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> BatchResult.success().failedIndices().add(3))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void resultsWithTheSameFailuresAreEqual() {
    // given
    BatchResult one = BatchResult.failed(3, 1);
    BatchResult two = BatchResult.failed(List.of(1, 3, 3));

    // when / then
    assertThat(one).isEqualTo(two).hasSameHashCodeAs(two);
    assertThat(one).isNotEqualTo(BatchResult.failed(1));
  }
}
