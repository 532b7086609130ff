package io.identities.bare;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** The bare service's one endpoint: what a REST application starts with. */
@Path("/hello")
public class Hello {

  @GET
  public String hello() {
    return "hello";
  }
}
