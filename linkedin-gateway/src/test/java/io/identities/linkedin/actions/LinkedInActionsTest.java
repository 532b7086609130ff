package io.identities.linkedin.actions;

import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.identities.backbone.events.EventEnvelope;
import io.identities.backbone.events.EventTypes;
import io.identities.backbone.events.Events;
import io.identities.backbone.events.Exchanges;
import io.identities.backbone.events.LinkedInCommands.SendInvitation;
import io.identities.backbone.testing.BrokerProbe;
import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.TestClock;
import io.identities.linkedin.support.ActionsApi;
import io.identities.linkedin.support.ActionsScenario;
import io.identities.linkedin.support.LinkedInAccounts;
import io.identities.linkedin.support.LinkedInAccounts.Connected;
import io.identities.linkedin.support.LinkedInApi;
import io.identities.linkedin.support.LinkedInSimulatorResource;
import io.identities.simulator.linkedin.DemoPeople;
import io.identities.simulator.linkedin.Invitation;
import io.identities.simulator.linkedin.LinkedInSimulator;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** LinkedIn actions against the simulator: what each does, what LinkedIn's answers make of it. */
@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(LinkedInSimulatorResource.class)
class LinkedInActionsTest {

  private static final Duration PAST_ANY_GAP = ActionsScenario.PAST_ANY_GAP;

  @Inject Events events;
  @Inject ObjectMapper mapper;
  @Inject TestClock clock;

  @RegisterExtension final ActionsScenario scenario = new ActionsScenario();
  private final BrokerProbe broker = scenario.broker;
  private final LinkedInApi api = scenario.api;
  private final ActionsApi actions = scenario.actions;
  private final LinkedInSimulator linkedIn = scenario.linkedIn;

  @Test
  void shouldInviteWithItsNoteAndAnnounceTheInvitation() throws Exception {
    String sent = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_INVITATION_SENT);
    Connected account = connect(LinkedInAccounts.defaults(), false);

    UUID invitation =
        actions.ask(
            account.identity(),
            EventTypes.LINKEDIN_INVITATION_SEND,
            ActionsApi.profile("alan-turing"),
            Map.of("note", "Hello Alan, shall we connect?"));

    JsonPath done = actions.await(account.identity(), invitation, "DONE");
    assertEquals("Alan", done.getString("result.person.firstName"));
    assertEquals(2, done.getInt("result.person.degree"));
    assertTrue(done.getBoolean("result.noteSent"));
    Invitation atLinkedIn = linkedIn.invitations(account.email()).get(0);
    assertEquals("alan-turing", atLinkedIn.toSlug());
    assertEquals("Hello Alan, shall we connect?", atLinkedIn.note());
    assertEquals(atLinkedIn.invitationId(), done.getString("result.linkedInInvitationId"));
    JsonNode event = event(sent, invitation);
    assertEquals(account.identity().toString(), event.path("data").path("identityId").asText());
    assertEquals(
        "https://www.linkedin.com/in/alan-turing", event.path("data").path("profileUrl").asText());
  }

  @Test
  void shouldCountANotesCharactersAsLinkedInDoesSoThreeHundredEmojiFit() {
    Connected account = connect(LinkedInAccounts.defaults(), false);
    String waves = "\uD83D\uDC4B".repeat(300); // 300 characters, 600 UTF-16 units

    UUID invitation =
        actions.ask(
            account.identity(),
            EventTypes.LINKEDIN_INVITATION_SEND,
            ActionsApi.profile("alan-turing"),
            Map.of("note", waves));

    actions.await(account.identity(), invitation, "DONE");
    assertEquals(waves, linkedIn.invitations(account.email()).get(0).note());
  }

  @Test
  void shouldMessageAConnectionAndSendNothingToSomeoneWhoIsNot() throws Exception {
    String sent = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_MESSAGE_SENT);
    String failed = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_ACTION_FAILED);
    Connected account = connect(LinkedInAccounts.defaults(), false);

    UUID toGrace =
        actions.ask(
            account.identity(),
            EventTypes.LINKEDIN_MESSAGE_SEND,
            ActionsApi.profile(DemoPeople.GRACE_HOPPER),
            Map.of("text", "Thanks for connecting, Grace"));
    UUID toAlan =
        actions.ask(
            account.identity(),
            EventTypes.LINKEDIN_MESSAGE_SEND,
            LinkedInSimulator.memberId("alan-turing"),
            Map.of("text", "Hi Alan"));

    actions.await(account.identity(), toGrace, "DONE");
    clock.advance(PAST_ANY_GAP);
    JsonPath refused = actions.await(account.identity(), toAlan, "FAILED");
    assertEquals("NOT_CONNECTED", refused.getString("failure.code"));
    assertEquals(
        List.of("Thanks for connecting, Grace"),
        linkedIn.messages(account.email()).stream().map(m -> m.text()).toList());
    event(sent, toGrace);
    JsonNode failure = event(failed, toAlan);
    assertEquals("NOT_CONNECTED", failure.path("data").path("code").asText());
    assertEquals(EventTypes.LINKEDIN_MESSAGE_SEND, failure.path("data").path("type").asText());
  }

  @Test
  void shouldVisitAProfileAndAnswerWhatLinkedInShows() throws Exception {
    String visited = broker.listen(Exchanges.EVENTS, EventTypes.LINKEDIN_PROFILE_VISITED);
    Connected account = connect(LinkedInAccounts.defaults(), false);

    UUID visit =
        actions.ask(
            account.identity(),
            EventTypes.LINKEDIN_PROFILE_VISIT,
            ActionsApi.profile("katherine-johnson") + "/",
            Map.of());

    JsonPath done = actions.await(account.identity(), visit, "DONE");
    assertEquals("Katherine", done.getString("result.person.firstName"));
    assertEquals("Johnson", done.getString("result.person.lastName"));
    assertFalse(done.getString("result.person.headline").isBlank());
    assertFalse(done.getString("result.person.company").isBlank());
    assertFalse(done.getString("result.person.location").isBlank());
    assertEquals(
        "https://www.linkedin.com/in/katherine-johnson",
        done.getString("result.person.profileUrl"));
    JsonNode event = event(visited, visit);
    assertFalse(event.path("data").path("scraping").asBoolean(), "not through Sales Navigator");
    assertEquals(1, linkedIn.profileViews(account.email()));
    assertEquals(0, linkedIn.leadViews(account.email()), "no Sales Navigator seat");
  }

  @Test
  void shouldRefuseAnActionThatCannotBeDoneAndRecordNothing() {
    Connected account = connect(LinkedInAccounts.defaults(), false);
    UUID id = UUID.randomUUID();

    actions
        .post(
            account.identity(),
            id,
            EventTypes.LINKEDIN_INVITATION_SEND,
            ActionsApi.profile("alan-turing"),
            Map.of("note", "x".repeat(301)))
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("note"))
        .body("errors[0].message", containsString("300"));
    String emoji = "\uD83D\uDC4B"; // one character on LinkedIn, two UTF-16 units in Java
    actions
        .post(
            account.identity(),
            id,
            EventTypes.LINKEDIN_INVITATION_SEND,
            ActionsApi.profile("alan-turing"),
            Map.of("note", emoji.repeat(301)))
        .statusCode(400)
        .body("errors[0].message", containsString("it has 301"));
    actions
        .post(
            account.identity(),
            id,
            "linkedin.poke",
            "https://example.com/alan",
            Map.of("text", "x"))
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("type", "person", "text"));
    actions
        .post(
            account.identity(),
            id,
            EventTypes.LINKEDIN_MESSAGE_SEND,
            ActionsApi.profile("alan-turing"),
            Map.of())
        .statusCode(400)
        .body("errors.field", containsInAnyOrder("text"));

    api.request()
        .get("/api/linkedin/identities/{identity}/actions/{id}", account.identity(), id)
        .then()
        .statusCode(404);
    actions
        .post(
            UUID.randomUUID(),
            id,
            EventTypes.LINKEDIN_PROFILE_VISIT,
            ActionsApi.profile("alan-turing"),
            Map.of())
        .statusCode(404);
    assertTrue(
        linkedIn.voyagerCalls(account.email()).stream()
            .noneMatch(c -> c.path().contains("dash/profiles")));
  }

  @Test
  void shouldDoACommandDeliveredTwiceOnce() throws Exception {
    Connected account = connect(LinkedInAccounts.defaults(), false);
    UUID command = UUID.randomUUID();
    String body =
        events.write(
            new EventEnvelope(
                command,
                EventTypes.LINKEDIN_INVITATION_SEND,
                "/campaign-engine",
                "1.0",
                OffsetDateTime.now(),
                account.identity().toString(),
                "application/json",
                scenario.org,
                mapper.valueToTree(
                    new SendInvitation(
                        account.identity(), ActionsApi.profile("linus-torvalds"), null, false))));

    broker.publish(Exchanges.COMMANDS, EventTypes.LINKEDIN_INVITATION_SEND, body);
    broker.publish(Exchanges.COMMANDS, EventTypes.LINKEDIN_INVITATION_SEND, body);
    actions.await(account.identity(), command, "DONE");
    UUID marker =
        UUID.randomUUID(); // delivered after both copies: once it is done, they were taken
    actions
        .post(
            account.identity(),
            marker,
            EventTypes.LINKEDIN_PROFILE_VISIT,
            ActionsApi.profile("alan-turing"),
            Map.of())
        .statusCode(202);
    clock.advance(PAST_ANY_GAP);
    actions.await(account.identity(), marker, "DONE");

    assertEquals(1, linkedIn.invitations(account.email()).size());
  }

  private Connected connect(LinkedInAccounts.Settings settings, boolean salesNavigator) {
    return scenario.connect(
        settings.workingHours(IdentitySnapshots.alwaysWorking("Europe/Madrid")), salesNavigator);
  }

  private JsonNode event(String queue, UUID subject) throws Exception {
    return scenario.event(queue, subject);
  }
}
