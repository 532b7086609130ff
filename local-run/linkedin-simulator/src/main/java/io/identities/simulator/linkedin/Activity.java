package io.identities.simulator.linkedin;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What an account's sessions did on Voyager, for assertions: every call (real time, to check
 * pacing) and how many profiles they read (LinkedIn watches the profile views of each account).
 */
final class Activity {

  private final List<VoyagerCall> calls = new ArrayList<>();
  private int profileViews;

  synchronized void called(String method, String path) {
    calls.add(new VoyagerCall(method, path, Instant.now()));
  }

  synchronized void viewedProfile() {
    profileViews++;
  }

  synchronized List<VoyagerCall> calls() {
    return List.copyOf(calls);
  }

  synchronized int profileViews() {
    return profileViews;
  }
}
