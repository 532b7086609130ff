package io.identities.console.services;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.UUID;
import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.rest.client.inject.RegisterRestClient;
import org.jboss.resteasy.reactive.PartType;
import org.jboss.resteasy.reactive.RestForm;
import org.jboss.resteasy.reactive.RestQuery;

/** identities-service's API: the identities, their figures, pictures and share links. */
@RegisterRestClient(configKey = "identities")
@Timeout(5000)
@CircuitBreaker(skipOn = ServiceProblem.class)
@Path("/api/identities")
public interface IdentitiesService {

  /** The dashboard in one read: the cards now and before, a page of identities, their figures. */
  @GET
  @Path("/dashboard")
  Uni<Identities.Dashboard> dashboard(
      @RestQuery String from,
      @RestQuery String to,
      @RestQuery String tz,
      @RestQuery String q,
      @RestQuery Boolean linkedinConnected,
      @RestQuery Boolean emailConnected,
      @RestQuery int page,
      @RestQuery int size);

  /** A page of the identities the search keeps, by name. */
  @GET
  Uni<Identities.Page> search(
      @RestQuery String q,
      @RestQuery Boolean linkedinConnected,
      @RestQuery Boolean emailConnected,
      @RestQuery int page,
      @RestQuery int size);

  @GET
  @Path("/{id}")
  Uni<Identities.Identity> identity(@PathParam("id") UUID id);

  @POST
  Uni<Identities.Identity> create(Identities.ContactDetails identity);

  /**
   * Replaces the name and contact details, refused (412) if the identity changed since {@code
   * ifMatch}.
   */
  @PUT
  @Path("/{id}")
  Uni<Identities.Identity> describe(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      Identities.ContactDetails details);

  @DELETE
  @Path("/{id}")
  Uni<Void> delete(@PathParam("id") UUID id);

  @PUT
  @Path("/{id}/picture")
  @Consumes(MediaType.MULTIPART_FORM_DATA)
  Uni<Response> uploadPicture(
      @PathParam("id") UUID id,
      @RestForm("file") @PartType(MediaType.APPLICATION_OCTET_STREAM) java.nio.file.Path file);

  @GET
  @Path("/{id}/working-hours")
  Uni<Identities.WorkingHours> workingHours(@PathParam("id") UUID id);

  /** Replaces the working hours, refused (412) if the identity changed since {@code ifMatch}. */
  @PUT
  @Path("/{id}/working-hours")
  Uni<Identities.WorkingHours> schedule(
      @PathParam("id") UUID id,
      @HeaderParam("If-Match") String ifMatch,
      Identities.WorkingHours hours);

  @GET
  @Path("/{id}/working-hours/next-window")
  Uni<Identities.NextWindow> nextWindow(@PathParam("id") UUID id);

  @GET
  @Path("/{id}/picture")
  Uni<Response> picture(@PathParam("id") UUID id);

  /** The identity's update link: its owner reconnects LinkedIn or an inbox with it, once. */
  @POST
  @Path("/{id}/share-links")
  Uni<Identities.ShareLink> updateLink(@PathParam("id") UUID id);

  @POST
  @Path("/share-links")
  Uni<Identities.ShareLink> shareLink(Identities.ShareLinkRequest request);
}
