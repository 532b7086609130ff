package io.identities.email;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;

import io.identities.backbone.testing.IdentitySnapshots;
import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.PackagedService;
import io.identities.backbone.testing.Tokens;
import io.identities.email.support.EmailApi;
import io.identities.email.support.MailInfrastructure;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusIntegrationTest;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** email-gateway as packaged: the jar here, the native executable where one is built. */
@QuarkusIntegrationTest
@WithTestResource(LocalInfrastructure.class)
@WithTestResource(MailInfrastructure.class)
class PackagedServiceIT extends PackagedService {

  @Override
  protected String identityPath() {
    return "/api/email/identities/{id}/inboxes";
  }

  @Test
  void shouldLearnAnIdentityFromTheBusAndConnectItsInboxOverSmtpAndImap() {
    String org = Tokens.newOrganization();
    UUID identity = UUID.randomUUID();
    announce(org, IdentitySnapshots.of(identity, 1, "Ada"), identityPath());
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get(identityPath(), identity)
        .then()
        .statusCode(200)
        .body("$", empty());

    String address = "packaged-" + UUID.randomUUID() + "@mail.example";
    MailInfrastructure.MAIL.addMailbox(address, "secret-1");
    EmailApi.connect(org, identity, EmailApi.plainInbox(MailInfrastructure.MAIL, address, "wrong"))
        .then()
        .statusCode(422)
        .contentType("application/problem+json");
    EmailApi.connected(
        org, identity, EmailApi.plainInbox(MailInfrastructure.MAIL, address, "secret-1"));
    given()
        .auth()
        .oauth2(Tokens.member(org))
        .get(identityPath(), identity)
        .then()
        .body("[0].address", equalTo(address))
        .body("[0].status", equalTo("CONNECTED"));
  }
}
