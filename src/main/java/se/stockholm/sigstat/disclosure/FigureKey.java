package se.stockholm.sigstat.disclosure;

import java.time.LocalDate;
import se.stockholm.sigstat.aggregation.Dimensions;

/**
 * A count an intruder can combine: one count field of a measure ({@code MEASURE.field}) at one
 * cell's coordinates. Periods are named by their dates, so two period codes for the same dates are
 * the same figure; a stock (a figure of one day) has no start, so every period ending that day
 * shares it.
 */
public record FigureKey(
    String name,
    LocalDate start,
    LocalDate end,
    String category,
    String district,
    String activity,
    String gender,
    String ageBand) {

  /** The measure code of the figure. */
  public String measure() {
    return name.substring(0, name.indexOf('.'));
  }

  /** The count field of the figure. */
  public String field() {
    return name.substring(name.indexOf('.') + 1);
  }

  /** True for a count of persons or episodes (varde, taljare, namnare), not a sum of changes. */
  public boolean isCount() {
    String f = field();
    return f.equals("varde") || f.equals("taljare") || f.equals("namnare");
  }

  public String coordinate(String dimension) {
    return switch (dimension) {
      case Dimensions.DISTRICT -> district;
      case Dimensions.ACTIVITY -> activity;
      case Dimensions.GENDER -> gender;
      case Dimensions.AGE_BAND -> ageBand;
      case Dimensions.CATEGORY -> category;
      default -> throw new IllegalArgumentException("Unknown dimension " + dimension);
    };
  }

  public FigureKey with(String dimension, String value) {
    return switch (dimension) {
      case Dimensions.DISTRICT ->
          new FigureKey(name, start, end, category, value, activity, gender, ageBand);
      case Dimensions.ACTIVITY ->
          new FigureKey(name, start, end, category, district, value, gender, ageBand);
      case Dimensions.GENDER ->
          new FigureKey(name, start, end, category, district, activity, value, ageBand);
      case Dimensions.AGE_BAND ->
          new FigureKey(name, start, end, category, district, activity, gender, value);
      case Dimensions.CATEGORY ->
          new FigureKey(name, start, end, value, district, activity, gender, ageBand);
      default -> throw new IllegalArgumentException("Unknown dimension " + dimension);
    };
  }

  public FigureKey withPeriod(LocalDate newStart, LocalDate newEnd) {
    return new FigureKey(name, newStart, newEnd, category, district, activity, gender, ageBand);
  }

  public FigureKey withName(String newName) {
    return new FigureKey(newName, start, end, category, district, activity, gender, ageBand);
  }

  @Override
  public String toString() {
    return name
        + " "
        + (start == null ? "t.o.m. " : start + "–")
        + end
        + (category.isEmpty() ? "" : " " + category)
        + " "
        + district
        + " "
        + activity
        + " "
        + gender
        + " "
        + ageBand;
  }
}
