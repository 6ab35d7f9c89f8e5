package se.stockholm.sigstat.aggregation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;

/**
 * Which statistic computes each measure of data-schema/measures.yaml. Checked when the statistics
 * are set up: a measure that no code computes stops the program instead of being published as
 * zeros, and code for a measure the model does not declare is a mistake too.
 */
final class MeasureRegistry {
  static final Map<String, List<String>> STATISTICS = statistics();

  private MeasureRegistry() {}

  private static Map<String, List<String>> statistics() {
    Map<String, List<String>> s = new LinkedHashMap<>();
    s.put(VolumeCounts.class.getSimpleName(), VolumeCounts.MEASURES);
    s.put(PopulationRates.class.getSimpleName(), List.of(PopulationRates.MEASURE));
    List<String> exits = new ArrayList<>(DurationAndExits.DURATION_MEASURES);
    exits.add(DurationAndExits.EXITS);
    s.put(DurationAndExits.class.getSimpleName(), exits);
    List<String> life = new ArrayList<>(LifeSituationChange.DOMAIN_MEASURES);
    life.add(LifeSituationChange.ANY_DOMAIN);
    s.put(LifeSituationChange.class.getSimpleName(), life);
    s.put(InterventionReach.class.getSimpleName(), InterventionReach.MEASURES);
    List<String> relatives = new ArrayList<>(RelativeSupport.BY_TARGET_GROUP);
    relatives.add(RelativeSupport.BY_RELATION);
    s.put(RelativeSupport.class.getSimpleName(), relatives);
    s.put(ResourceMeasures.class.getSimpleName(), ResourceMeasures.MEASURES);
    return s;
  }

  static void check(FollowUpModel model) {
    Map<String, String> computedBy = new LinkedHashMap<>();
    STATISTICS.forEach(
        (statistic, measures) -> {
          for (String m : measures) {
            String other = computedBy.put(m, statistic);
            if (other != null) {
              throw new IllegalStateException(
                  m + " is computed by both " + other + " and " + statistic);
            }
          }
        });
    for (Measure m : model.measures()) {
      if (!computedBy.containsKey(m.code())) {
        throw new IllegalStateException(
            "Measure "
                + m.code()
                + " of data-schema/measures.yaml has no statistic that computes it"
                + " (aggregation/MeasureRegistry)");
      }
    }
    for (String code : computedBy.keySet()) {
      if (model.measures().stream().noneMatch(m -> m.code().equals(code))) {
        throw new IllegalStateException(
            computedBy.get(code) + " computes " + code + ", which data-schema/measures.yaml lacks");
      }
    }
  }
}
