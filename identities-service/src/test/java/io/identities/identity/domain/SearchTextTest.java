package io.identities.identity.domain;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.junit.jupiter.api.Test;

/** How names and queries are folded for search, without a database. */
class SearchTextTest {

  @Test
  void shouldFoldCaseAccentsAndLettersThatDoNotDecompose() {
    assertEquals("jose garcia", SearchText.fold("JOSÉ  García"));
    assertEquals("lukasz zolc", SearchText.fold("Łukasz Żółć"));
    assertEquals("ostrasse aeoe thd d i h l t n", SearchText.fold("ØStraẞe ÆŒ ÞÐ Đ ı Ħ Ŀ Ŧ Ŋ"));
    assertEquals("fi 2", SearchText.fold("ﬁ ²")); // compatibility forms too
  }

  @Test
  void shouldLeavePunctuationOut() {
    assertEquals("lecuyer", SearchText.fold("L'Écuyer"));
    assertEquals("lecuyer", SearchText.fold("L’Écuyer"));
    assertEquals("jeanluc obrien", SearchText.fold("Jean-Luc O'Brien."));
    assertEquals("grace 100sure", SearchText.fold("Grace 100%_sure"));
  }

  @Test
  void shouldSearchANameByItsPartsAndAQueryByItsWords() {
    assertEquals("ada lovelace ada", SearchText.of("Ada Lovelace", "Ada", null));
    assertEquals(List.of("lovelace", "ada"), SearchText.words("  Lovelace,  ADA "));
    assertEquals(List.of(), SearchText.words("%_ '"));
  }
}
