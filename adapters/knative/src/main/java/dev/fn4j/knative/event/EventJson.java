package dev.fn4j.knative.event;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.StreamReadFeature;

/** The one Jackson streaming factory of the CloudEvents JSON format: strict about duplicates. */
final class EventJson {

  static final JsonFactory FACTORY =
      JsonFactory.builder().enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

  private EventJson() {}
}
