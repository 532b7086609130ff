package io.identities.console.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TimeZonesTest {

  @Test
  void shouldOfferTheZonesByRegionAndCityAndUtcOnly() {
    assertTrue(TimeZones.ALL.contains("Europe/Madrid"));
    assertTrue(TimeZones.ALL.contains("America/Argentina/Buenos_Aires"));
    assertTrue(TimeZones.ALL.contains("UTC"));
    assertFalse(TimeZones.ALL.contains("US/Eastern"), "an old alias is not offered");
    assertFalse(TimeZones.ALL.contains("Etc/GMT+5"));
    assertFalse(TimeZones.ALL.contains("EST5EDT"));
    assertEquals(TimeZones.ALL.stream().sorted().toList(), TimeZones.ALL);
  }

  @Test
  void shouldFindAZoneByItsNameInAnyCaseOrByItsCityAlone() {
    assertEquals(Optional.of(ZoneId.of("Europe/Madrid")), TimeZones.find("Europe/Madrid"));
    assertEquals(Optional.of(ZoneId.of("Europe/Madrid")), TimeZones.find(" europe/madrid "));
    assertEquals(Optional.of(ZoneId.of("Europe/Madrid")), TimeZones.find("madrid"));
    assertEquals(Optional.of(ZoneId.of("America/New_York")), TimeZones.find("New York"));
    assertEquals(Optional.of(ZoneId.of("America/Sao_Paulo")), TimeZones.find("São Paulo"));
    assertEquals(Optional.of(ZoneId.of("US/Eastern")), TimeZones.find("US/Eastern"));
  }

  @Test
  void shouldFindNothingForWhatNamesNoZone() {
    assertEquals(Optional.empty(), TimeZones.find("Mars/Olympus"));
    assertEquals(Optional.empty(), TimeZones.find("Madri"));
    assertEquals(Optional.empty(), TimeZones.find(""));
    assertEquals(Optional.empty(), TimeZones.find(null));
  }
}
