package io.identities.console.services;

import io.quarkus.oidc.AccessTokenCredential;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.ext.Provider;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestContext;
import org.jboss.resteasy.reactive.client.spi.ResteasyReactiveClientRequestFilter;

/**
 * Sends the signed-in user's access token (renewed by the session when it expires) with every call
 * to a service (every REST client of the console: a global provider): the services decide what the
 * user may see and do, as for any other client.
 */
@Provider
public class UserAccessToken implements ResteasyReactiveClientRequestFilter {

  @Inject SecurityIdentity user;

  @Override
  public void filter(ResteasyReactiveClientRequestContext request) {
    AccessTokenCredential token = user.getCredential(AccessTokenCredential.class);
    if (token != null) {
      request.getHeaders().putSingle(HttpHeaders.AUTHORIZATION, "Bearer " + token.getToken());
    }
  }
}
