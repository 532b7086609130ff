package io.identities.identity.api;

import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import io.identities.backbone.testing.LocalInfrastructure;
import io.identities.backbone.testing.Tokens;
import io.identities.identity.support.IdentityApi;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.specification.RequestSpecification;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(LocalInfrastructure.class)
class IdentityPictureTest {

  private final String org = Tokens.newOrganization();
  private final IdentityApi api = new IdentityApi(org);

  @Test
  void shouldStoreABoundedCopyAndServeItWithCacheHeaders() throws IOException {
    String id = api.createNamed("Ada");

    upload(id, image(1600, 1200, "png"), "photo.png", "image/png")
        .then()
        .statusCode(200)
        .body("contentType", equalTo("image/png"))
        .body("width", equalTo(512))
        .body("height", equalTo(384));

    var served = api.request().get("/api/identities/{id}/picture", id);
    served
        .then()
        .statusCode(200)
        .contentType("image/png")
        .header("Cache-Control", allOf(containsString("private"), containsString("max-age=3600")));
    BufferedImage stored = ImageIO.read(new ByteArrayInputStream(served.asByteArray()));
    assertEquals(512, stored.getWidth());
    String etag = served.header("ETag");
    api.request()
        .header("If-None-Match", etag)
        .get("/api/identities/{id}/picture", id)
        .then()
        .statusCode(304);
    api.request()
        .get("/api/identities/{id}", id)
        .then()
        .body("pictureUrl", equalTo("/api/identities/" + id + "/picture"));
  }

  @Test
  void shouldReplaceAPictureAndKeepAJpegAJpeg() throws IOException {
    String id = api.createNamed("Ada");
    upload(id, image(300, 300, "png"), "a.png", "image/png").then().statusCode(200);
    String first = api.request().get("/api/identities/{id}/picture", id).header("ETag");

    upload(id, image(300, 200, "jpeg"), "b.jpg", "image/jpeg").then().statusCode(200);

    api.request()
        .get("/api/identities/{id}/picture", id)
        .then()
        .statusCode(200)
        .contentType("image/jpeg")
        .header("ETag", not(equalTo(first)));
  }

  @Test
  void shouldRefuseAnSvgRenamedPngAndStoreNothing() {
    String id = api.createNamed("Ada");
    byte[] svg =
        "<svg xmlns=\"http://www.w3.org/2000/svg\"><script>alert(1)</script></svg>"
            .getBytes(StandardCharsets.UTF_8);

    upload(id, svg, "logo.png", "image/png")
        .then()
        .statusCode(415)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo("A picture must be a PNG or JPEG image (whatever its file name says)"));
    api.request().get("/api/identities/{id}/picture", id).then().statusCode(404);
  }

  @Test
  void shouldRefuseASixMillionBytePictureSayingItsSize() throws IOException {
    String id = api.createNamed("Ada");
    byte[] big = new byte[6_000_000];
    new Random(1).nextBytes(big);
    System.arraycopy(image(64, 64, "png"), 0, big, 0, 8); // a PNG signature in front

    upload(id, big, "huge.png", "image/png")
        .then()
        .statusCode(413)
        .contentType("application/problem+json")
        .body(
            "detail",
            equalTo(
                "A picture may be at most 5 MB (5,242,880 bytes); this one is 5.7 MB (6,000,000"
                    + " bytes)"));
    api.request().get("/api/identities/{id}", id).then().body("pictureUrl", nullValue());
  }

  @Test
  void shouldRefuseACorruptImageAndAbsurdDimensions() throws IOException {
    String id = api.createNamed("Ada");
    byte[] corrupt = image(64, 64, "png");
    java.util.Arrays.fill(corrupt, 16, corrupt.length, (byte) 7);

    upload(id, corrupt, "broken.png", "image/png")
        .then()
        .statusCode(400)
        .body("errors[0].field", equalTo("file"));
    upload(id, image(9000, 40, "png"), "banner.png", "image/png").then().statusCode(400);
    upload(id, image(8, 8, "png"), "icon.png", "image/png").then().statusCode(400);
    api.request().get("/api/identities/{id}/picture", id).then().statusCode(404);
  }

  @Test
  void shouldRemoveAPictureAndHideItFromOtherOrganizations() throws IOException {
    String id = api.createNamed("Ada");
    upload(id, image(100, 100, "png"), "a.png", "image/png").then().statusCode(200);

    new IdentityApi(Tokens.newOrganization())
        .request()
        .get("/api/identities/{id}/picture", id)
        .then()
        .statusCode(404);
    api.request().delete("/api/identities/{id}/picture", id).then().statusCode(204);
    api.request().get("/api/identities/{id}/picture", id).then().statusCode(404);
    api.request().get("/api/identities/{id}", id).then().body("pictureUrl", nullValue());
  }

  private io.restassured.response.Response upload(
      String id, byte[] bytes, String name, String type) {
    RequestSpecification request =
        io.restassured.RestAssured.given().auth().oauth2(Tokens.member(org));
    return request.multiPart("file", name, bytes, type).put("/api/identities/{id}/picture", id);
  }

  private static byte[] image(int width, int height, String format) throws IOException {
    BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
    var graphics = image.createGraphics();
    graphics.setColor(Color.ORANGE);
    graphics.fillOval(0, 0, width, height);
    graphics.dispose();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(image, format, out);
    return out.toByteArray();
  }
}
