package se.stockholm.sigstat.aggregation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;

/**
 * Every value of every dimension in reporting order, for the district structure in use: what a
 * complete table has rows and columns for, totals last.
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

  /** Verksamheter of participants; relatives' measures use ANHORIGSTOD alone. */
  public List<String> activities(Measure m) {
    return m.code().startsWith("ANHORIGA_") ? List.of(Dimensions.RELATIVES) : activities;
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
    if (m.code().equals("FORBATTRAD_NAGOT_OMRADE")) {
      return List.of(Dimensions.ALL);
    }
    if (m.categoryList() == null) {
      return List.of(Dimensions.NO_CATEGORY);
    }
    List<String> cats = new ArrayList<>(model.codeList(m.categoryList()).codeValues());
    if (m.categoriesPartition()
        || m.code().startsWith("INSATS_")
        || m.code().startsWith("ANHORIGA_")) {
      cats.add(Dimensions.ALL);
    }
    return cats;
  }

  /** The total value of a dimension. */
  public String total(String dimension) {
    return dimension.equals(Dimensions.DISTRICT) ? model.districts().cityCode() : Dimensions.ALL;
  }
}
