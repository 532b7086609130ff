package io.identities.console.services;

/**
 * A service could not answer: it failed (5xx), timed out, or its circuit breaker is open after
 * failing repeatedly. The page part that needs it says so; the rest of the page still works.
 */
public class ServiceDown extends RuntimeException {

  public ServiceDown(String why) {
    super(why);
  }
}
