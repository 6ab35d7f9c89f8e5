package se.stockholm.sigstat.model;

import java.io.Serializable;

/**
 * One measure of the follow-up model: code, Swedish label and definition, unit, disclosure kind,
 * the count it derives from, and for category measures the code list and the total category.
 */
public record Measure(
    String code,
    String label,
    String definition,
    String unit,
    MeasureKind kind,
    String base,
    String baseCategory,
    String categoryList,
    String lineTotal)
    implements Serializable {

  /** True when the measure's kategori values partition a whole with a total category. */
  public boolean categoriesPartition() {
    return lineTotal != null;
  }
}
