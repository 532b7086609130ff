package io.identities.linkedin.support;

import static io.restassured.RestAssured.given;

import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One browser on the share pages, over plain HTTP: keeps its CSRF cookie and posts the forms as a
 * browser would (form fields, including the hidden ones of the last page).
 */
public final class ShareVisitor {

  private static final Pattern CSRF = Pattern.compile("name=\"csrf\" value=\"([^\"]+)\"");
  private static final Pattern HANDSHAKE = Pattern.compile("name=\"handshake\" value=\"([^\"]+)\"");

  private final String path;
  private String cookie;
  private String lastPage = "";

  public ShareVisitor(String token) {
    this.path = "/share/" + token;
  }

  public Response open() {
    Response page = given().cookies(cookies()).get(path);
    remember(page);
    return page;
  }

  public Response signIn(String name, String email, String password) {
    RequestSpecification form = form().formParam("email", email).formParam("password", password);
    if (name != null) {
      form.formParam("name", name);
    }
    return post(form, "");
  }

  public Response verify(String code) {
    return post(
        form().formParam("handshake", handshake()).formParam("code", code), "/verification");
  }

  public Response resend(String method) {
    RequestSpecification form = form().formParam("handshake", handshake());
    if (method != null) {
      form.formParam("method", method);
    }
    return post(form, "/resend");
  }

  public Response continueAfterApproval() {
    return post(form().formParam("handshake", handshake()), "/approval");
  }

  /** The last page's HTML. */
  public String lastPage() {
    return lastPage;
  }

  private RequestSpecification form() {
    Matcher csrf = CSRF.matcher(lastPage);
    return given()
        .cookies(cookies())
        .contentType("application/x-www-form-urlencoded")
        .formParam("csrf", csrf.find() ? csrf.group(1) : "");
  }

  private Response post(RequestSpecification form, String step) {
    Response page = form.post(path + step);
    remember(page);
    return page;
  }

  private void remember(Response page) {
    lastPage = page.asString();
    if (page.getCookie("share_csrf") != null) {
      cookie = page.getCookie("share_csrf");
    }
  }

  private String handshake() {
    Matcher handshake = HANDSHAKE.matcher(lastPage);
    return handshake.find() ? handshake.group(1) : "";
  }

  private Map<String, String> cookies() {
    return cookie == null ? Map.of() : Map.of("share_csrf", cookie);
  }
}
