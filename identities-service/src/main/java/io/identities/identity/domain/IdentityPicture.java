package io.identities.identity.domain;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Basic;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.TenantId;

/** An identity's profile picture, as normalized on upload (see {@link PictureNormalizer}). */
@Entity
@Table(name = "identity_picture")
public class IdentityPicture extends PanacheEntityBase {

  @Id
  @Column(name = "identity_id")
  public UUID identityId;

  @TenantId
  @Column(name = "org_id", nullable = false, updatable = false)
  public String orgId;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Basic(fetch = FetchType.LAZY)
  @Column(nullable = false)
  public byte[] data;

  /** Hash of the data: the picture's ETag. */
  @Column(nullable = false)
  public String sha256;

  @Column(nullable = false)
  public int width;

  @Column(nullable = false)
  public int height;

  @Column(name = "updated_at", nullable = false)
  public Instant updatedAt;
}
