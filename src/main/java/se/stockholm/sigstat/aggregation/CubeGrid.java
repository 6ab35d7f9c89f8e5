package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;
import se.stockholm.sigstat.model.PublishedTable;

/**
 * Every value of every dimension in reporting order, for the district structure in use: what a
 * complete table has rows and columns for, totals last; and the cells of a published table.
 */
public final class CubeGrid {
  private final List<String> districts = new ArrayList<>();
  private final List<String> activities = new ArrayList<>();
  private final List<String> genders = new ArrayList<>();
  private final List<String> ageBands = new ArrayList<>();
  private final FollowUpModel model;

  public CubeGrid(FollowUpModel model, LocalDate indelning) {
    this.model = model;
    for (District d : model.districts().validOn(indelning)) {
      districts.add(d.code());
    }
    districts.add(model.districts().cityCode());
    activities.addAll(model.codeList("verksamhet").codeValues());
    activities.add(Dimensions.ALL);
    genders.addAll(model.codeList("kon_tabell").codeValues());
    genders.add(Dimensions.ALL);
    ageBands.addAll(model.codeList("aldersgrupp").codeValues());
    ageBands.add(Dimensions.ALL);
  }

  public List<String> districts() {
    return districts;
  }

  /** The verksamheter a measure is reported for (relatives' measures: ANHORIGSTOD alone). */
  public List<String> activities(Measure m) {
    return switch (m.activities()) {
      case RELATIVES -> List.of(Dimensions.RELATIVES);
      case ALL -> allActivities();
      case PARTICIPANTS -> activities;
    };
  }

  public List<String> allActivities() {
    List<String> all = new ArrayList<>(activities);
    all.add(all.size() - 1, Dimensions.RELATIVES);
    return all;
  }

  public List<String> genders() {
    return genders;
  }

  public List<String> ageBands() {
    return ageBands;
  }

  /** The kategori values a measure is reported for. */
  public List<String> categories(Measure m) {
    return model.categories(m);
  }

  /** Every value of a dimension (kategori included) for a measure, total last. */
  public List<String> values(String dimension, Measure m) {
    return switch (dimension) {
      case Dimensions.DISTRICT -> districts;
      case Dimensions.ACTIVITY -> activities(m);
      case Dimensions.GENDER -> genders;
      case Dimensions.AGE_BAND -> ageBands;
      case Dimensions.CATEGORY -> categories(m);
      default -> throw new IllegalArgumentException("Unknown dimension " + dimension);
    };
  }

  /**
   * The value of a dimension that stands for all of it, for a measure; null for kategori when the
   * measure's categories have no total (life domains).
   */
  public String total(String dimension, Measure m) {
    return switch (dimension) {
      case Dimensions.DISTRICT -> model.districts().cityCode();
      case Dimensions.ACTIVITY ->
          m.activities() == Measure.Activities.RELATIVES ? Dimensions.RELATIVES : Dimensions.ALL;
      case Dimensions.CATEGORY ->
          m.totalCategory() != null
              ? m.totalCategory()
              : m.categoryList() == null ? Dimensions.NO_CATEGORY : null;
      default -> Dimensions.ALL;
    };
  }

  /** The values of a dimension that add up to its total (none where the total is the only one). */
  public List<String> parts(String dimension, Measure m) {
    List<String> all = values(dimension, m);
    String total = total(dimension, m);
    if (dimension.equals(Dimensions.ACTIVITY) && m.activities() == Measure.Activities.ALL) {
      return activities.subList(0, activities.size() - 1);
    }
    if (dimension.equals(Dimensions.CATEGORY) && !m.categoriesPartition()) {
      return List.of();
    }
    return all.stream().filter(v -> !v.equals(total)).toList();
  }

  /** The total value of a dimension. */
  public String total(String dimension) {
    return dimension.equals(Dimensions.DISTRICT) ? model.districts().cityCode() : Dimensions.ALL;
  }

  /** The cells a published table holds for one of its measures in one period. */
  public List<CellKey> cells(PublishedTable t, Measure m, String period) {
    List<List<String>> axes = new ArrayList<>();
    for (String dim : Dimensions.KEY_ORDER) {
      axes.add(t.breakdown().contains(dim) ? values(dim, m) : List.of(total(dim, m)));
    }
    List<CellKey> keys = new ArrayList<>();
    for (String cat : axes.get(0)) {
      for (String d : axes.get(1)) {
        for (String a : axes.get(2)) {
          for (String g : axes.get(3)) {
            for (String age : axes.get(4)) {
              keys.add(new CellKey(period, m.code(), cat, d, a, g, age));
            }
          }
        }
      }
    }
    return keys;
  }
}
