package se.stockholm.sigstat.aggregation;

import java.io.Serializable;

/** The coordinates of one cell of the statistik table. */
public record CellKey(
    String period,
    String measure,
    String category,
    String district,
    String activity,
    String gender,
    String ageBand)
    implements Serializable {

  public CellKey withMeasure(String m, String c) {
    return new CellKey(period, m, c, district, activity, gender, ageBand);
  }

  /** The coordinate of a cube dimension (or kategori) by its column name. */
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

  /** This key with one coordinate replaced. */
  public CellKey with(String dimension, String value) {
    return switch (dimension) {
      case Dimensions.DISTRICT ->
          new CellKey(period, measure, category, value, activity, gender, ageBand);
      case Dimensions.ACTIVITY ->
          new CellKey(period, measure, category, district, value, gender, ageBand);
      case Dimensions.GENDER ->
          new CellKey(period, measure, category, district, activity, value, ageBand);
      case Dimensions.AGE_BAND ->
          new CellKey(period, measure, category, district, activity, gender, value);
      case Dimensions.CATEGORY ->
          new CellKey(period, measure, value, district, activity, gender, ageBand);
      default -> throw new IllegalArgumentException("Unknown dimension " + dimension);
    };
  }
}
