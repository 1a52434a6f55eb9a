package dev.fn4j.spring.autoconfigure;

import dev.fn4j.core.catalog.CatalogException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * Reports an application that cannot start because of its functions (a bean whose types cannot be
 * resolved, an invalid name, a selection that names nothing) as Spring Boot reports a
 * misconfiguration: what is wrong and what to do, without the stack trace Spring would log
 * otherwise.
 */
public final class CatalogFailureAnalyzer extends AbstractFailureAnalyzer<CatalogException> {

  /** Creates the analyzer; Spring Boot calls this. */
  public CatalogFailureAnalyzer() {}

  @Override
  protected FailureAnalysis analyze(Throwable rootFailure, CatalogException cause) {
    return new FailureAnalysis(
        "fn4j cannot build the function catalog: " + cause.getMessage(),
        "Correct the function beans or the fn4j.function setting named above.",
        cause);
  }
}
