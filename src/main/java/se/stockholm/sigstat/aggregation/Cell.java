package se.stockholm.sigstat.aggregation;

/**
 * One cell of the aggregated table before protection: value, numerator, denominator and the 95 %
 * interval. Null means "no value" (for example no denominator).
 */
public final class Cell {
  private final CellKey key;
  private Double value;
  private Double numerator;
  private Double denominator;
  private Double low;
  private Double high;
  private double[] aux;

  public Cell(CellKey key, Double value, Double numerator, Double denominator) {
    this.key = key;
    this.value = value;
    this.numerator = numerator;
    this.denominator = denominator;
  }

  /** A finished cell, as read back from a published table (for tools and tests). */
  public static Cell finished(
      CellKey key, Double value, Double numerator, Double denominator, Double low, Double high) {
    Cell c = new Cell(key, value, numerator, denominator);
    c.interval(low, high);
    return c;
  }

  public CellKey key() {
    return key;
  }

  public Double value() {
    return value;
  }

  public Double numerator() {
    return numerator;
  }

  public Double denominator() {
    return denominator;
  }

  public Double low() {
    return low;
  }

  public Double high() {
    return high;
  }

  double[] aux() {
    return aux;
  }

  void aux(double[] a) {
    this.aux = a;
  }

  void value(Double v) {
    this.value = v;
  }

  void numerator(Double n) {
    this.numerator = n;
  }

  void denominator(Double d) {
    this.denominator = d;
  }

  void interval(Double lo, Double hi) {
    this.low = lo;
    this.high = hi;
  }
}
