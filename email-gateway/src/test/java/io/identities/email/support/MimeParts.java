package io.identities.email.support;

import jakarta.mail.BodyPart;
import jakarta.mail.Multipart;
import jakarta.mail.Part;
import java.util.ArrayList;
import java.util.List;

/** The leaf parts of a received message, for assertions. */
public final class MimeParts {

  private MimeParts() {}

  /** The content of the first part of {@code mimeType} (e.g. text/plain), line ends as \\n. */
  public static String text(Part message, String mimeType) {
    try {
      for (Part part : leaves(message)) {
        if (part.isMimeType(mimeType)) {
          return ((String) part.getContent()).replace("\r\n", "\n");
        }
      }
      return null;
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }

  public static List<Part> leaves(Part part) throws Exception {
    List<Part> leaves = new ArrayList<>();
    if (part.getContent() instanceof Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        BodyPart child = multipart.getBodyPart(i);
        leaves.addAll(leaves(child));
      }
    } else {
      leaves.add(part);
    }
    return leaves;
  }
}
