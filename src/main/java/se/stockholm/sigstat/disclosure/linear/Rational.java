package se.stockholm.sigstat.disclosure.linear;

import java.math.BigInteger;

/**
 * An exact rational number. Held in two longs while they fit (the relations have small integer
 * coefficients, so almost always), in BigIntegers once an operation would overflow: rounding could
 * hide a recovery or fake one, so the arithmetic is never approximate.
 */
public final class Rational implements Comparable<Rational> {
  public static final Rational ZERO = new Rational(0, 1);
  public static final Rational ONE = new Rational(1, 1);

  private final long num;
  private final long den;
  private final BigInteger bigNum;
  private final BigInteger bigDen;

  private Rational(long num, long den) {
    this.num = num;
    this.den = den;
    this.bigNum = null;
    this.bigDen = null;
  }

  private Rational(BigInteger num, BigInteger den) {
    this.num = 0;
    this.den = 0;
    this.bigNum = num;
    this.bigDen = den;
  }

  public static Rational of(long n) {
    return n == 0 ? ZERO : n == 1 ? ONE : new Rational(n, 1);
  }

  public static Rational of(long n, long d) {
    return normalize(BigInteger.valueOf(n), BigInteger.valueOf(d));
  }

  private static Rational normalize(BigInteger n, BigInteger d) {
    if (d.signum() == 0) {
      throw new ArithmeticException("division by zero");
    }
    if (d.signum() < 0) {
      n = n.negate();
      d = d.negate();
    }
    BigInteger g = n.gcd(d);
    if (!g.equals(BigInteger.ONE) && g.signum() != 0) {
      n = n.divide(g);
      d = d.divide(g);
    }
    if (n.signum() == 0) {
      return ZERO;
    }
    if (n.bitLength() < 63 && d.bitLength() < 63) {
      return new Rational(n.longValue(), d.longValue());
    }
    return new Rational(n, d);
  }

  private static Rational small(long n, long d) {
    if (d < 0) {
      if (n == Long.MIN_VALUE || d == Long.MIN_VALUE) {
        return normalize(BigInteger.valueOf(n), BigInteger.valueOf(d));
      }
      n = -n;
      d = -d;
    }
    if (n == 0) {
      return ZERO;
    }
    long g = gcd(Math.abs(n), d);
    return new Rational(n / g, d / g);
  }

  private static long gcd(long a, long b) {
    while (b != 0) {
      long t = a % b;
      a = b;
      b = t;
    }
    return a;
  }

  private boolean isBig() {
    return bigNum != null;
  }

  private BigInteger n() {
    return isBig() ? bigNum : BigInteger.valueOf(num);
  }

  private BigInteger d() {
    return isBig() ? bigDen : BigInteger.valueOf(den);
  }

  public boolean isZero() {
    return isBig() ? bigNum.signum() == 0 : num == 0;
  }

  public int signum() {
    return isBig() ? bigNum.signum() : Long.signum(num);
  }

  public Rational add(Rational o) {
    if (!isBig() && !o.isBig()) {
      try {
        if (den == o.den) {
          return small(Math.addExact(num, o.num), den);
        }
        return small(
            Math.addExact(Math.multiplyExact(num, o.den), Math.multiplyExact(o.num, den)),
            Math.multiplyExact(den, o.den));
      } catch (ArithmeticException overflow) {
        // fall through to exact big arithmetic
      }
    }
    return normalize(n().multiply(o.d()).add(o.n().multiply(d())), d().multiply(o.d()));
  }

  public Rational negate() {
    if (!isBig() && num != Long.MIN_VALUE) {
      return new Rational(-num, den);
    }
    return normalize(n().negate(), d());
  }

  public Rational subtract(Rational o) {
    return add(o.negate());
  }

  public Rational multiply(Rational o) {
    if (!isBig() && !o.isBig()) {
      try {
        return small(Math.multiplyExact(num, o.num), Math.multiplyExact(den, o.den));
      } catch (ArithmeticException overflow) {
        // fall through to exact big arithmetic
      }
    }
    return normalize(n().multiply(o.n()), d().multiply(o.d()));
  }

  public Rational divide(Rational o) {
    if (o.isZero()) {
      throw new ArithmeticException("division by zero");
    }
    if (!isBig() && !o.isBig()) {
      try {
        return small(Math.multiplyExact(num, o.den), Math.multiplyExact(den, o.num));
      } catch (ArithmeticException overflow) {
        // fall through to exact big arithmetic
      }
    }
    return normalize(n().multiply(o.d()), d().multiply(o.n()));
  }

  public boolean isInteger() {
    return isBig() ? bigDen.equals(BigInteger.ONE) : den == 1;
  }

  public double doubleValue() {
    if (!isBig()) {
      return (double) num / den;
    }
    return new java.math.BigDecimal(bigNum)
        .divide(new java.math.BigDecimal(bigDen), java.math.MathContext.DECIMAL64)
        .doubleValue();
  }

  @Override
  public int compareTo(Rational o) {
    return n().multiply(o.d()).compareTo(o.n().multiply(d()));
  }

  @Override
  public boolean equals(Object o) {
    if (!(o instanceof Rational r)) {
      return false;
    }
    if (!isBig() && !r.isBig()) {
      return num == r.num && den == r.den;
    }
    return n().equals(r.n()) && d().equals(r.d());
  }

  @Override
  public int hashCode() {
    return isBig()
        ? n().hashCode() * 31 + d().hashCode()
        : Long.hashCode(num) * 31 + Long.hashCode(den);
  }

  @Override
  public String toString() {
    return isInteger() ? n().toString() : n() + "/" + d();
  }
}
