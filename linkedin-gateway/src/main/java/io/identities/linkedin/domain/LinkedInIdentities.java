package io.identities.linkedin.domain;

import io.identities.backbone.api.IdentityIdList;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The organization's identities a dashboard lists by id, read together in one query however many
 * are asked. An id the gateway does not know in the caller's organization is left out, never
 * refused, so nothing tells whether it exists in another.
 */
@ApplicationScoped
public class LinkedInIdentities {

  /**
   * The known identities among {@code ids}, in the order asked; each value holds one id or several
   * separated by commas.
   */
  public List<LinkedInIdentity> listed(List<String> ids) {
    List<UUID> asked = IdentityIdList.parse("ids", ids);
    Map<UUID, LinkedInIdentity> known =
        LinkedInIdentity.<LinkedInIdentity>list("identityId in ?1", asked).stream()
            .collect(Collectors.toMap(identity -> identity.identityId, Function.identity()));
    return asked.stream().map(known::get).filter(Objects::nonNull).toList();
  }
}
