package io.identities.simulator.linkedin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an account's sessions did on Voyager, for assertions: every call (real time, to check
 * pacing) and how many profiles they read, on LinkedIn and in Sales Navigator (LinkedIn watches the
 * profile views of each account).
 */
final class Activity {

  private final List<VoyagerCall> calls = new ArrayList<>();
  private int profileViews;
  private int leadViews;

  synchronized void called(String method, String path) {
    calls.add(new VoyagerCall(method, path, Instant.now()));
  }

  synchronized void viewedProfile() {
    profileViews++;
  }

  /** A profile read in Sales Navigator: one of the account's scrapings. */
  synchronized void viewedLead() {
    leadViews++;
  }

  synchronized List<VoyagerCall> calls() {
    return List.copyOf(calls);
  }

  synchronized int profileViews() {
    return profileViews;
  }

  synchronized int leadViews() {
    return leadViews;
  }
}
