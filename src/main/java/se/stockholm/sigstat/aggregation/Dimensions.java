package se.stockholm.sigstat.aggregation;

import java.util.List;

/** The dimensions of the statistics cube and their total values. */
public final class Dimensions {
  public static final String PERIOD = "period";
  public static final String MEASURE = "matt";
  public static final String CATEGORY = "kategori";
  public static final String DISTRICT = "stadsdel";
  public static final String ACTIVITY = "verksamhet";
  public static final String GENDER = "kon";
  public static final String AGE_BAND = "aldersgrupp";

  /** The four dimensions every person measure is broken down by, in output order. */
  public static final List<String> CUBE = List.of(DISTRICT, ACTIVITY, GENDER, AGE_BAND);

  /** The coordinates of a cell after period and measure, in statistik's column order. */
  public static final List<String> KEY_ORDER =
      List.of(CATEGORY, DISTRICT, ACTIVITY, GENDER, AGE_BAND);

  /** Total over every value of a dimension (the city total is the model's city code). */
  public static final String ALL = "ALLA";

  /** Gender value for X and missing: never dropped. */
  public static final String OTHER_GENDER = "OVRIGT";

  /** Activity code of relatives' support, a unit of its own. */
  public static final String RELATIVES = "ANHORIGSTOD";

  /** Category of a measure that has none. */
  public static final String NO_CATEGORY = "";

  private Dimensions() {}
}
