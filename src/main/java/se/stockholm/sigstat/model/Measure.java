package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;

/**
 * One measure of the follow-up model: code, Swedish label and definition, unit, kind, the count
 * fields a published cell owns and the other figures it reveals, and for category measures the code
 * list and the total category.
 */
public record Measure(
    String code,
    String label,
    String definition,
    String unit,
    MeasureKind kind,
    List<String> counts,
    List<FigureRef> reveals,
    String categoryList,
    String lineTotal,
    String categoryTotal,
    Activities activities)
    implements Serializable {

  /** Which verksamheter a measure is reported for. */
  public enum Activities {
    /** SIG unga, SIG unga vuxna, avhoppare and their total ALLA. */
    PARTICIPANTS,
    /** Anhörigstöd (verksamhet ANHORIGSTOD) only. */
    RELATIVES,
    /** Both: the participants' activities, ANHORIGSTOD and ALLA (resources). */
    ALL
  }

  public Measure {
    counts = List.copyOf(counts);
    reveals = List.copyOf(reveals);
  }

  /** True when the measure's kategori values partition a whole with a total category. */
  public boolean categoriesPartition() {
    return lineTotal != null;
  }

  /** The kategori of the measure's total over its categories, or null if it has none. */
  public String totalCategory() {
    return lineTotal != null ? lineTotal : categoryTotal;
  }

  /** The field a bare reference to the measure means: its first count field. */
  public String ownCount() {
    return counts.isEmpty() ? null : counts.get(0);
  }
}
