package io.identities.email.sending;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.List;
import java.util.UUID;

/** A file sent with a {@link Send}. */
@Entity
@Table(name = "email_attachment")
public class Attachment extends PanacheEntityBase {

  @Id public UUID id;

  @Column(name = "send_id", nullable = false)
  public UUID sendId;

  @Column(nullable = false)
  public int position;

  @Column(nullable = false)
  public String filename;

  @Column(name = "content_type", nullable = false)
  public String contentType;

  @Column(nullable = false)
  public byte[] content;

  static List<Attachment> of(UUID sendId) {
    return list("sendId = ?1 order by position", sendId);
  }
}
