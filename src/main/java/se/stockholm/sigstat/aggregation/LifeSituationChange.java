package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.avg;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.stddev_samp;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.LifeDomain;

/**
 * Change in life situation per domain for episodes aktuella in the period, from assessments dated
 * on or before the period's end only: baseline (earliest rating at INSKRIVNING) against follow-up
 * (latest at UPPFOLJNING or AVSLUT after the baseline; AVSLUT wins a tie of dates), signed so that
 * positive is better.
 */
public final class LifeSituationChange {
  /** Largest possible |change| on any scale of life-domains.yaml (0–3 or 1–4). */
  public static final int MAX_STEP = 3;

  private static final List<String> EPISODE_KEY =
      List.of(Dimensions.PERIOD, EpisodeFacts.SOURCE_DISTRICT, "period_id");

  private LifeSituationChange() {}

  /** Per episode and domain: has a baseline, has a pair, and the signed change of the pair. */
  public static Dataset<Row> pairs(
      Dataset<Row> episodeFacts,
      Dataset<Row> assessments,
      Dataset<Row> periods,
      List<LifeDomain> domains) {
    Dataset<Row> current =
        episodeFacts
            .crossJoin(broadcast(periods))
            .filter(Periods.overlaps("inskrivningsdatum", "avslutsdatum"))
            .select(
                col(Dimensions.PERIOD),
                col(Periods.END),
                col(EpisodeFacts.SOURCE_DISTRICT),
                col("period_id"),
                col(Dimensions.DISTRICT),
                col(Dimensions.ACTIVITY),
                col(Dimensions.GENDER),
                col(Dimensions.AGE_BAND));
    Dataset<Row> rated =
        assessments
            .filter(col("skattning").isNotNull())
            .select(
                col("stadsdel").as(EpisodeFacts.SOURCE_DISTRICT),
                col("period_id"),
                col("mattillfalle"),
                col("datum"),
                col("livsomrade"),
                col("skattning"))
            // The episodes current in the periods are few beside their assessments: sent to every
            // task, they spare shuffling and sorting every assessment to meet them.
            .join(
                broadcast(current),
                new String[] {EpisodeFacts.SOURCE_DISTRICT, "period_id"},
                "inner")
            // A period's figures must not change when later assessments arrive: baselines too.
            .filter(col("datum").leq(col(Periods.END)));
    List<Column> keys = new ArrayList<>();
    EPISODE_KEY.forEach(k -> keys.add(col(k)));
    keys.add(col("livsomrade"));
    List<Column> keysAndDims = new ArrayList<>(keys);
    Dimensions.CUBE.forEach(d -> keysAndDims.add(col(d)));
    keysAndDims.add(col(Periods.END));
    // One aggregation per episode and domain, with plain long minima and maxima (fast hash
    // aggregation, no lists). Baseline: earliest date first, on the same date the lower rating,
    // so the choice is deterministic. Follow-up: the latest UPPFOLJNING or AVSLUT (AVSLUT wins a
    // tie of dates, then the higher rating); it pairs with the baseline only if it is dated after
    // it, since if the latest is not, none is.
    Column isBaseline = col("mattillfalle").equalTo("INSKRIVNING");
    Column isFollowUp = col("mattillfalle").isin("UPPFOLJNING", "AVSLUT");
    Column avslut = when(col("mattillfalle").equalTo("AVSLUT"), 1L).otherwise(0L);
    Column direction = null;
    for (LifeDomain d : domains) {
      direction =
          direction == null
              ? when(col("livsomrade").equalTo(d.code()), d.direction())
              : direction.when(col("livsomrade").equalTo(d.code()), d.direction());
    }
    return rated
        .groupBy(keysAndDims.toArray(Column[]::new))
        .agg(
            min(when(isBaseline, RatingCode.of(col("datum"), lit(0L), col("skattning")))).as("b"),
            max(when(isFollowUp, RatingCode.of(col("datum"), avslut, col("skattning")))).as("f"))
        .filter(col("b").isNotNull())
        .withColumn("f", when(RatingCode.day(col("f")).gt(RatingCode.day(col("b"))), col("f")))
        .withColumn("har_par", col("f").isNotNull())
        .withColumn(
            "forandring",
            RatingCode.rating(col("f")).minus(RatingCode.rating(col("b"))).multiply(direction));
  }

  /**
   * A dated rating as one long that orders as (datum, AVSLUT flag, skattning) does: the epoch day
   * in the high bits, then the flag, then the rating offset to be non-negative in the low 32.
   */
  static final class RatingCode {
    private static final long OFFSET = 1L << 31;
    private static final long LOW_32 = 0xFFFFFFFFL;

    private RatingCode() {}

    static Column of(Column date, Column avslutFlag, Column rating) {
      return shiftleft(unix_date(date).cast("long"), 33)
          .plus(shiftleft(avslutFlag, 32))
          .plus(rating.cast("long").plus(OFFSET));
    }

    static Column day(Column code) {
      return shiftright(code, 33);
    }

    static Column rating(Column code) {
      return code.bitwiseAND(LOW_32).minus(OFFSET).cast("int");
    }
  }

  /** The per-domain measures this statistic computes (kategori = livsområde). */
  public static final List<String> DOMAIN_MEASURES =
      List.of(
          "FORANDRING_PAR",
          "FORBATTRAD",
          "OFORANDRAD",
          "FORSAMRAD",
          "FORANDRING_MEDEL",
          "FORANDRING_P",
          "UPPFOLJNINGSGRAD");

  /** The measure over all domains together (kategori ALLA). */
  public static final String ANY_DOMAIN = "FORBATTRAD_NAGOT_OMRADE";

  /**
   * Over the given grouping sets of the cube dimensions (kategori is always grouped for the
   * per-domain measures); dimensions no set has are reported as totals only.
   *
   * @param domainSets grouping sets of the per-domain measures
   * @param anySets grouping sets of {@link #ANY_DOMAIN}
   */
  public static Dataset<Row> apply(
      Dataset<Row> episodeFacts,
      Dataset<Row> assessments,
      Dataset<Row> periods,
      List<LifeDomain> domains,
      String city,
      List<List<String>> domainSets,
      List<List<String>> anySets) {
    // Both the per-domain measures and the per-episode one read the pairs. An explicit exchange
    // is shared by the two branches (Spark reuses an identical exchange), so the pairs are
    // computed once rather than once per branch. Its keys name every column either branch reads,
    // the cube dimensions too, so that column pruning leaves the two exchanges identical.
    List<Column> shared = new ArrayList<>();
    EPISODE_KEY.forEach(k -> shared.add(col(k)));
    shared.add(col("livsomrade"));
    Dimensions.CUBE.forEach(d -> shared.add(col(d)));
    Dataset<Row> pairs =
        pairs(episodeFacts, assessments, periods, domains)
            .repartition(shared.toArray(Column[]::new));
    Column change = col("forandring");
    List<Column> histogram = new ArrayList<>();
    for (int v = -MAX_STEP; v <= MAX_STEP; v++) {
      histogram.add(sum(when(change.equalTo(v), 1).otherwise(0)));
    }
    Dataset<Row> agg =
        CellRows.withTotals(
            CellRows.groupingSets(
                    pairs.withColumn(Dimensions.CATEGORY, col("livsomrade")),
                    List.of(Dimensions.PERIOD, Dimensions.CATEGORY),
                    GroupingSets.without(domainSets, Dimensions.CATEGORY))
                .agg(
                    count(lit(1)).as("med_utgang"),
                    sum(when(col("har_par"), 1).otherwise(0)).as("par"),
                    sum(when(change.gt(0), 1).otherwise(0)).as("battre"),
                    sum(when(change.equalTo(0), 1).otherwise(0)).as("samma"),
                    sum(when(change.lt(0), 1).otherwise(0)).as("samre"),
                    avg(change).as("medel"),
                    stddev_samp(change).as("sd"),
                    array(histogram.toArray(Column[]::new)).as("hist")),
            city);
    agg = CellRows.withTotalsOutside(agg, city);
    Column cat = col(Dimensions.CATEGORY);
    Column none = CellRows.none();
    Dataset<Row> rows =
        CellRows.measures(
            agg,
            CellRows.out("FORANDRING_PAR", cat, col("par"), none, none, none),
            CellRows.out("FORBATTRAD", cat, none, col("battre"), col("par"), none),
            CellRows.out("OFORANDRAD", cat, none, col("samma"), col("par"), none),
            CellRows.out("FORSAMRAD", cat, none, col("samre"), col("par"), none),
            CellRows.out("FORANDRING_MEDEL", cat, col("medel"), none, col("par"), array(col("sd"))),
            CellRows.out("FORANDRING_P", cat, none, none, col("par"), col("hist")),
            CellRows.out("UPPFOLJNINGSGRAD", cat, none, col("par"), col("med_utgang"), none));
    List<Column> episodeGroup = new ArrayList<>();
    EPISODE_KEY.forEach(k -> episodeGroup.add(col(k)));
    Dimensions.CUBE.forEach(d -> episodeGroup.add(col(d)));
    Dataset<Row> perEpisode =
        pairs
            .groupBy(episodeGroup.toArray(Column[]::new))
            .agg(
                max(when(col("har_par"), 1).otherwise(0)).as("nagot_par"),
                max(when(change.gt(0), 1).otherwise(0)).as("nagot_battre"));
    Dataset<Row> any =
        CellRows.withTotalsOutside(
            CellRows.withTotals(
                CellRows.groupingSets(
                        perEpisode,
                        List.of(Dimensions.PERIOD),
                        GroupingSets.without(anySets, Dimensions.CATEGORY))
                    .agg(sum("nagot_battre").as("battre"), sum("nagot_par").as("par")),
                city),
            city);
    return rows.union(
        CellRows.measures(
            any,
            CellRows.out(
                "FORBATTRAD_NAGOT_OMRADE",
                lit(Dimensions.ALL),
                none,
                col("battre"),
                col("par"),
                none)));
  }
}
