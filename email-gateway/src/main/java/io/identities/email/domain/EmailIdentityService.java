package io.identities.email.domain;

import io.identities.backbone.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.List;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class EmailIdentityService {

  /** The inboxes connected to an identity: none until inboxes can be connected. */
  public List<Inbox> inboxes(UUID identityId) {
    if (EmailIdentity.findByIdOptional(identityId).isEmpty()) {
      throw ProblemException.notFound("Identity", identityId);
    }
    return List.of();
  }
}
