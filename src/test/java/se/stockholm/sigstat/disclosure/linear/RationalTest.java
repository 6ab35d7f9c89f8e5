package se.stockholm.sigstat.disclosure.linear;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Exact arithmetic, also past the range of long. */
class RationalTest {
  @Test
  void fractionsAreReducedAndExact() {
    Rational third = Rational.of(1, 3);
    assertThat(third.add(third).add(third)).isEqualTo(Rational.ONE);
    assertThat(Rational.of(6, -4).toString()).isEqualTo("-3/2");
    assertThat(Rational.of(2, 4).multiply(Rational.of(4)).isInteger()).isTrue();
  }

  @Test
  void overflowMovesToBigIntegersWithoutLosingAnything() {
    Rational big = Rational.of(Long.MAX_VALUE);
    Rational sum = big.add(big);
    assertThat(sum.toString()).isEqualTo("18446744073709551614");
    assertThat(sum.subtract(big)).isEqualTo(big);
    Rational tiny = Rational.of(1, Long.MAX_VALUE).multiply(Rational.of(1, Long.MAX_VALUE));
    assertThat(tiny.multiply(big).multiply(big)).isEqualTo(Rational.ONE);
  }
}
