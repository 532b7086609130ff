package io.identities.identity.domain;

import com.google.i18n.phonenumbers.NumberParseException;
import com.google.i18n.phonenumbers.PhoneNumberUtil;
import com.google.i18n.phonenumbers.PhoneNumberUtil.PhoneNumberFormat;
import com.google.i18n.phonenumbers.Phonenumber.PhoneNumber;
import java.util.Optional;

/** Phone numbers as E.164 ({@code +34612345678}); the country code must be part of the input. */
public final class PhoneNumbers {

  private static final PhoneNumberUtil UTIL = PhoneNumberUtil.getInstance();

  private PhoneNumbers() {}

  public static Optional<String> e164(String phone) {
    try {
      PhoneNumber number = UTIL.parse(phone, "ZZ"); // unknown region: "+<country code>" required
      return UTIL.isValidNumber(number)
          ? Optional.of(UTIL.format(number, PhoneNumberFormat.E164))
          : Optional.empty();
    } catch (NumberParseException e) {
      return Optional.empty();
    }
  }
}
