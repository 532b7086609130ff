package io.identities.simulator.linkedin;

import java.time.Instant;

/**
 * One Voyager call an account's session made.
 *
 * @param path as sent, without the query
 * @param at real time ({@link Instant#now()}), not the simulator's clock, to check pacing
 */
public record VoyagerCall(String method, String path, Instant at) {}
