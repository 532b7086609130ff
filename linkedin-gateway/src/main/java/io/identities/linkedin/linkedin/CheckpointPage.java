package io.identities.linkedin.linkedin;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * One of LinkedIn's sign-in or security-check pages, read as open-source clients read them: the
 * form's action and hidden inputs (posted back as they are), the alerts it shows (by element id,
 * e.g. {@code error-for-password}), and the line saying where a code went.
 */
record CheckpointPage(
    String action, Map<String, String> hidden, Map<String, String> alerts, String subtitle) {

  static CheckpointPage of(String html) {
    Document page = Jsoup.parse(html);
    Element form = page.selectFirst("form[action]");
    Map<String, String> hidden = new LinkedHashMap<>();
    if (form != null) {
      for (Element input : form.select("input[type=hidden][name]")) {
        hidden.put(input.attr("name"), input.attr("value"));
      }
    }
    Map<String, String> alerts = new LinkedHashMap<>();
    for (Element alert : page.select("[role=alert]")) {
      if (!alert.text().isBlank()) {
        alerts.put(alert.id(), alert.text());
      }
    }
    Element subtitle = page.selectFirst(".form__subtitle");
    return new CheckpointPage(
        form == null ? "" : form.attr("action"),
        hidden,
        alerts,
        subtitle == null ? "" : subtitle.text());
  }

  Optional<String> field(String name) {
    return Optional.ofNullable(hidden.get(name));
  }

  Optional<String> alert(String id) {
    return Optional.ofNullable(alerts.get(id));
  }

  boolean alerting() {
    return !alerts.isEmpty();
  }
}
