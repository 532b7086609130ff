package io.identities.identity.domain;

import java.text.Normalizer;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How names are searched: names and queries are folded alike, to lower case letters and digits
 * without accents (José, JOSE: jose), letters that do not decompose written as people type them
 * (Łukasz Żółć: lukasz zolc, Straße: strasse, Æsa: aesa), and no punctuation (L'Écuyer: lecuyer).
 * The folded name is stored ({@code identity.search_name}, trigram-indexed); a query matches when
 * each of its folded words is part of it, in any order.
 */
public final class SearchText {

  /** Letters that neither decompose nor lose an accent, as their plain Latin spelling. */
  private static final Map<Integer, String> LETTERS =
      Map.ofEntries(
          Map.entry((int) 'ł', "l"),
          Map.entry((int) 'ø', "o"),
          Map.entry((int) 'đ', "d"),
          Map.entry((int) 'ð', "d"),
          Map.entry((int) 'ß', "ss"),
          Map.entry((int) 'æ', "ae"),
          Map.entry((int) 'œ', "oe"),
          Map.entry((int) 'þ', "th"),
          Map.entry((int) 'ı', "i"),
          Map.entry((int) 'ħ', "h"),
          Map.entry((int) 'ŧ', "t"),
          Map.entry((int) 'ŋ', "n"),
          Map.entry((int) 'ĸ', "k"),
          Map.entry((int) 'ſ', "s"));

  private SearchText() {}

  /**
   * The folded text: lower-case letters and digits, single spaces between words. It holds no
   * punctuation, so nothing in it is a wildcard of SQL's {@code like}.
   */
  public static String fold(String text) {
    StringBuilder folded = new StringBuilder(text.length());
    Normalizer.normalize(text, Normalizer.Form.NFKD)
        .toLowerCase(Locale.ROOT)
        .codePoints()
        .forEach(
            c -> {
              if (LETTERS.containsKey(c)) {
                folded.append(LETTERS.get(c));
              } else if (Character.isLetterOrDigit(c)) {
                folded.appendCodePoint(c);
              } else if (Character.isWhitespace(c) || Character.isSpaceChar(c)) {
                folded.append(' ');
              } // accents (combining marks), punctuation and symbols are left out
            });
    return folded.toString().replaceAll(" +", " ").strip();
  }

  /** What a name is searched by: its parts, those given, folded together. */
  public static String of(String... parts) {
    return fold(String.join(" ", Arrays.stream(parts).filter(part -> part != null).toList()));
  }

  /** The folded words of a query; none when it holds no letter or digit. */
  public static List<String> words(String query) {
    String folded = fold(query);
    return folded.isEmpty() ? List.of() : List.of(folded.split(" "));
  }
}
