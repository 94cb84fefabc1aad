package org.lcngeo.symbolic.paper;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PaperExamplesTest {
  @Test
  void example15() {
    PaperExample e = PaperExamples.example15();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example16() {
    PaperExample e = PaperExamples.example16();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example17() {
    PaperExample e = PaperExamples.example17();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example19() {
    PaperExample e = PaperExamples.example19();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void example20() {
    PaperExample e = PaperExamples.example20();
    assertThat(e.ok()).as(e.account() + " " + e.objects()).isTrue();
  }

  @Test
  void lemma5AndCorollary6OnExample15() {
    var o = PaperExamples.lemma5AndCorollary6(
        PaperExamples.tuple(PaperExamples.EX15, PaperExamples.q(1, 3, 2), PaperExamples.q(2, -1)));
    assertThat(o.get("lemma5Bijective")).isEqualTo(true);
    assertThat(o.get("corollary6PushforwardIsKInverse")).isEqualTo(true);
  }
}
