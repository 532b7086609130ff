package io.identities.linkedin.actions;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * How LinkedIn actions are paced and limited beyond each identity's own daily limits (which come
 * with the identity: invitations 20, messages 100 by default).
 */
@ConfigMapping(prefix = "linkedin.actions")
public interface ActionsConfig {

  /** Threads of this instance that run actions (each one account's action at a time). */
  @WithDefault("8")
  int workers();

  /** How often idle workers look for actions whose slot has come. */
  @WithDefault("1s")
  Duration pollInterval();

  /** Invitations an identity may send in any 7 days (LinkedIn's weekly limit is near 100). */
  @WithDefault("100")
  int weeklyInvitations();

  /** Profile visits a day of an identity without Sales Navigator (peers: 80 to 100). */
  @WithDefault("80")
  int dailyProfileVisits();

  /**
   * An organization's pool of Sales Navigator scrapings a day (UTC), shared by its identities,
   * until it sets its own ({@code PUT /api/linkedin/scraping-pool}); each Sales Navigator identity
   * adds its own {@code dailyScrapings}.
   */
  @WithDefault("100")
  int scrapingPool();

  /** Invitations an identity may withdraw a day, automatically or on request (peers: 40-100). */
  @WithDefault("40")
  int dailyWithdrawals();

  /**
   * Invitations failing in a row (refusals not about the person: unknown codes, CANT_RESEND_YET,
   * throttling) after which the account's invitations are held until someone resumes them.
   */
  @WithDefault("3")
  int invitationFailuresBeforeHold();

  /** How often each connected account's invitations are compared with LinkedIn's lists. */
  @WithDefault("30m")
  Duration invitationCheckInterval();

  /** How often an instance looks for accounts whose invitations are due for a check. */
  @WithDefault("1m")
  String invitationCheckTick();

  /** How often invitations old enough are withdrawn for identities that withdraw automatically. */
  @WithDefault("15m")
  String autoWithdrawalTick();

  /** Days after an account's first connection during which its limits ramp up. */
  @WithDefault("14")
  int rampUpDays();

  /** The shortest gap between two actions of one account. */
  @WithDefault("2m")
  Duration minimumGap();

  /** The longest gap pacing puts between two actions when the day has few of them. */
  @WithDefault("15m")
  Duration maximumGap();

  /** The first back-off after LinkedIn throttles an account; each further one doubles it. */
  @WithDefault("15m")
  Duration throttleBackOff();

  /** The longest back-off after throttling. */
  @WithDefault("24h")
  Duration longestThrottleBackOff();

  /** An action running longer than this was cut off (its instance stopped): it is run again. */
  @WithDefault("10m")
  Duration stuckAfter();
}
