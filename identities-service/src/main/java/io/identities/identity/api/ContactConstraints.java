package io.identities.identity.api;

import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import io.identities.identity.domain.LinkedInProfileUrls;
import io.identities.identity.domain.PhoneNumbers;
import io.identities.identity.domain.WebUrls;
import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/** Bean Validation constraints for contact details; each accepts what the domain can normalize. */
public final class ContactConstraints {

  private ContactConstraints() {}

  @Target({FIELD, PARAMETER})
  @Retention(RUNTIME)
  @Constraint(validatedBy = LinkedInProfileUrl.Check.class)
  public @interface LinkedInProfileUrl {
    String message() default
        "must be a LinkedIn profile URL, e.g. https://www.linkedin.com/in/your-name";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<LinkedInProfileUrl, String> {
      @Override
      public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || LinkedInProfileUrls.canonical(value).isPresent();
      }
    }
  }

  @Target({FIELD, PARAMETER})
  @Retention(RUNTIME)
  @Constraint(validatedBy = PhoneNumber.Check.class)
  public @interface PhoneNumber {
    String message() default
        "must be a valid phone number with its country code, e.g. +34 612 345 678";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<PhoneNumber, String> {
      @Override
      public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || PhoneNumbers.e164(value).isPresent();
      }
    }
  }

  @Target({FIELD, PARAMETER})
  @Retention(RUNTIME)
  @Constraint(validatedBy = WebUrl.Check.class)
  public @interface WebUrl {
    String message() default "must be an http or https URL";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};

    class Check implements ConstraintValidator<WebUrl, String> {
      @Override
      public boolean isValid(String value, ConstraintValidatorContext context) {
        return value == null || WebUrls.http(value).isPresent();
      }
    }
  }
}
