package io.identities.linkedin.domain;

import io.identities.backbone.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import java.util.UUID;

@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class LinkedInIdentityService {

  public LinkedInIdentity get(UUID identityId) {
    return LinkedInIdentity.<LinkedInIdentity>findByIdOptional(identityId)
        .orElseThrow(() -> ProblemException.notFound("Identity", identityId));
  }
}
