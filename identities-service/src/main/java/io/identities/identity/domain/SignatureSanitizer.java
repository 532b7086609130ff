package io.identities.identity.domain;

import io.identities.backbone.problem.ProblemException;
import io.quarkus.runtime.annotations.RegisterForReflection;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Attribute;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import org.jsoup.select.NodeTraversor;
import org.jsoup.select.NodeVisitor;
import org.owasp.html.HtmlChangeListener;
import org.owasp.html.HtmlPolicyBuilder;
import org.owasp.html.PolicyFactory;

/**
 * Makes user HTML safe to put in an email signature. Email-safe formatting survives (text styles,
 * inline CSS, links, images, tables); active content is refused outright rather than silently
 * dropped, so the user knows why their signature changed nothing; other unsupported markup is
 * dropped with a warning.
 */
@ApplicationScoped
// the sanitizer picks its collections shim by Class.forName (Java8Shim): a native image must keep
// it
@RegisterForReflection(classNames = {"org.owasp.shim.ForJava9AndLater", "org.owasp.shim.ForJava8"})
public class SignatureSanitizer {

  /** Markup that runs code or submits data: never in a signature. */
  private static final Set<String> ACTIVE_ELEMENTS =
      Set.of(
          "script",
          "iframe",
          "frame",
          "frameset",
          "object",
          "embed",
          "applet",
          "form",
          "input",
          "button",
          "textarea",
          "select",
          "base",
          "link",
          "meta");

  /** Attributes whose value is a URL. */
  private static final Set<String> URL_ATTRIBUTES =
      Set.of("href", "src", "action", "formaction", "background", "poster", "xlink:href");

  /** A URL with a scheme other than the ones a signature needs. */
  private static final Pattern UNSAFE_URL =
      Pattern.compile("^(?!(https?|mailto|tel):)[a-z][a-z0-9+.-]*:");

  private static final Set<String> BLOCKS =
      Set.of(
          "p",
          "div",
          "table",
          "tr",
          "li",
          "ul",
          "ol",
          "h1",
          "h2",
          "h3",
          "h4",
          "h5",
          "h6",
          "blockquote",
          "hr",
          "center");

  private static final PolicyFactory POLICY =
      new HtmlPolicyBuilder()
          .allowCommonBlockElements()
          .allowCommonInlineFormattingElements()
          .allowElements(
              "a", "img", "table", "thead", "tbody", "tfoot", "tr", "td", "th", "caption", "hr",
              "center", "font")
          .allowStyling()
          .allowStandardUrlProtocols()
          .allowUrlProtocols("tel")
          .allowAttributes("href", "title", "target")
          .onElements("a")
          .allowAttributes("src", "alt", "title", "width", "height")
          .onElements("img")
          .allowAttributes(
              "width",
              "height",
              "align",
              "valign",
              "border",
              "cellpadding",
              "cellspacing",
              "bgcolor",
              "colspan",
              "rowspan")
          .onElements("table", "tr", "td", "th")
          .allowAttributes("align")
          .onElements("p", "div", "h1", "h2", "h3", "h4", "h5", "h6")
          .allowAttributes("color", "face", "size")
          .onElements("font")
          .toFactory();

  /** A sanitized signature, its text rendering, and what was dropped. */
  public record Sanitized(String html, String text, List<String> dropped) {}

  /**
   * @throws ProblemException 400 on {@code field} when the HTML holds scripts, event handlers,
   *     unsafe links, forms or frames
   */
  public Sanitized sanitize(String html, String field) {
    Set<String> active = activeContent(html);
    if (!active.isEmpty()) {
      throw ProblemException.invalidField(
          field,
          "active or unsafe content is not allowed in a signature (email clients block it): "
              + String.join(", ", active));
    }
    Set<String> dropped = new TreeSet<>();
    String safe =
        POLICY.sanitize(
            html,
            new HtmlChangeListener<Void>() {
              @Override
              public void discardedTag(Void context, String element) {
                dropped.add("<" + element + ">");
              }

              @Override
              public void discardedAttributes(Void context, String element, String... attributes) {
                for (String attribute : attributes) {
                  dropped.add(attribute + " on <" + element + ">");
                }
              }
            },
            null);
    return new Sanitized(safe, text(safe), List.copyOf(dropped));
  }

  /** What in the HTML would run code, submit data or lead somewhere unsafe. */
  private static Set<String> activeContent(String html) {
    Set<String> active = new TreeSet<>();
    for (Element element : Jsoup.parseBodyFragment(html).body().getAllElements()) {
      if (ACTIVE_ELEMENTS.contains(element.normalName())) {
        active.add("<" + element.normalName() + ">");
      }
      for (Attribute attribute : element.attributes()) {
        String name = attribute.getKey().toLowerCase(Locale.ROOT);
        String value =
            attribute.getValue().replaceAll("[\\s\\p{Cntrl}]", "").toLowerCase(Locale.ROOT);
        if (name.startsWith("on")) {
          active.add(name + " on <" + element.normalName() + ">");
        } else if (URL_ATTRIBUTES.contains(name) && UNSAFE_URL.matcher(value).find()) {
          active.add(value.substring(0, value.indexOf(':') + 1) + " link");
        } else if (name.equals("style")
            && (value.contains("expression(") || value.contains("javascript:"))) {
          active.add("script in style on <" + element.normalName() + ">");
        }
      }
    }
    return active;
  }

  /** The signature as plain text, for the text part of emails: lines kept, links spelled out. */
  static String text(String html) {
    StringBuilder out = new StringBuilder();
    NodeTraversor.traverse(
        new NodeVisitor() {
          @Override
          public void head(Node node, int depth) {
            if (node instanceof TextNode text) {
              out.append(text.text().replaceAll("\\s+", " "));
            } else if (node instanceof Element element) {
              switch (element.normalName()) {
                case "br" -> out.append('\n');
                case "img" -> out.append(element.attr("alt"));
                case "li" -> newLine(out).append("- ");
                default -> {
                  if (BLOCKS.contains(element.normalName())) {
                    newLine(out);
                  }
                }
              }
            }
          }

          @Override
          public void tail(Node node, int depth) {
            if (node instanceof Element element) {
              String href = element.attr("href").replaceFirst("^mailto:", "");
              if (element.normalName().equals("a")
                  && !href.isEmpty()
                  && !element.text().equals(href)) {
                out.append(" <").append(href).append('>');
              } else if (element.normalName().matches("td|th")) {
                out.append(' ');
              } else if (BLOCKS.contains(element.normalName())) {
                newLine(out);
              }
            }
          }
        },
        Jsoup.parseBodyFragment(html).body());
    return out.toString()
        .lines()
        .map(String::strip)
        .reduce((a, b) -> a + "\n" + b)
        .orElse("")
        .replaceAll("\n{3,}", "\n\n")
        .strip();
  }

  private static StringBuilder newLine(StringBuilder out) {
    if (out.length() > 0 && out.charAt(out.length() - 1) != '\n') {
      out.append('\n');
    }
    return out;
  }
}
