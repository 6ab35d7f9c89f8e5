package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.shiftleft;
import static org.apache.spark.sql.functions.shiftright;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.unix_date;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Encoders;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
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

  /** The number of an episode among those current in a period. */
  private static final String EPISODE_NUMBER = "_episod";

  private LifeSituationChange() {}

  /**
   * Per episode and domain with a baseline ({@code byDomain}: the episode's number, livsområde,
   * har_par and the signed change forandring of the pair), and the episodes current in the periods
   * with their dimensions ({@code episodes}, by number).
   */
  record Pairs(Dataset<Row> byDomain, Dataset<Row> episodes) {}

  static Pairs pairs(
      Dataset<Row> episodeFacts,
      Dataset<Row> assessments,
      Dataset<Row> periods,
      List<LifeDomain> domains) {
    // Each episode current in a period gets a number, unique over the periods: the assessments
    // are then grouped by one long (the number and the domain's index) instead of by nine mostly
    // textual columns, and the dimensions are joined back to the few grouped rows. The number is
    // the episode's rank by its key, which is unique (the warehouse's key; joined episodes are
    // grouped by it), so every evaluation of it gives the same number.
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
                col(Dimensions.AGE_BAND))
            .withColumn(EPISODE_NUMBER, EpisodeNumber.of(periodCodes(periods)));
    Dataset<Row> rated =
        assessments
            .filter(col("skattning").isNotNull())
            .select(
                col("stadsdel").as(EpisodeFacts.SOURCE_DISTRICT),
                col("period_id"),
                col("mattillfalle"),
                col("datum"),
                col("skattning"),
                // The warehouse holds only the code list's domains, each with its scale (rows
                // of others are rejected at validation), so every rating has an index (a row
                // without one would be left out of the pairs).
                EpisodeNumber.domainIndex(col("livsomrade"), domains).as("_omrade"))
            // The episodes current in the periods are few beside their assessments: sent to every
            // task, they spare shuffling and sorting every assessment to meet them.
            .join(
                broadcast(
                    current.select(
                        col(EpisodeFacts.SOURCE_DISTRICT),
                        col("period_id"),
                        col(EPISODE_NUMBER),
                        col(Periods.END))),
                new String[] {EpisodeFacts.SOURCE_DISTRICT, "period_id"},
                "inner")
            // A period's figures must not change when later assessments arrive: baselines too.
            .filter(col("datum").leq(col(Periods.END)));
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
    Dataset<Row> byDomain =
        rated
            .groupBy(EpisodeNumber.withDomain(col(EPISODE_NUMBER), col("_omrade")).as("_nyckel"))
            .agg(
                min(when(isBaseline, RatingCode.of(col("datum"), lit(0L), col("skattning"))))
                    .as("b"),
                max(when(isFollowUp, RatingCode.of(col("datum"), avslut, col("skattning"))))
                    .as("f"))
            .filter(col("b").isNotNull())
            .select(
                EpisodeNumber.withoutDomain(col("_nyckel")).as(EPISODE_NUMBER),
                EpisodeNumber.domain(col("_nyckel"), domains).as("livsomrade"),
                col("b"),
                when(RatingCode.day(col("f")).gt(RatingCode.day(col("b"))), col("f")).as("f"))
            .withColumn("har_par", col("f").isNotNull())
            .withColumn(
                "forandring",
                RatingCode.rating(col("f")).minus(RatingCode.rating(col("b"))).multiply(direction))
            .drop("b", "f");
    return new Pairs(byDomain, current.drop(Periods.END));
  }

  /** The report periods' codes, in order (a small local table: no Spark job). */
  private static List<String> periodCodes(Dataset<Row> periods) {
    return periods.select(col(Dimensions.PERIOD)).as(Encoders.STRING()).collectAsList();
  }

  /**
   * An episode's number among those current in the periods, as one long: the period's index in the
   * high bits, the episode's rank within the period by its key (unique, so the number is the same
   * every time it is computed) below them, and four low bits left free for a domain's index.
   */
  static final class EpisodeNumber {
    private static final int DOMAIN_BITS = 4;
    private static final int PERIOD_SHIFT = 40;

    private EpisodeNumber() {}

    static Column of(List<String> periodCodes) {
      Column period = null;
      for (int i = 0; i < periodCodes.size(); i++) {
        Column is = col(Dimensions.PERIOD).equalTo(periodCodes.get(i));
        period = period == null ? when(is, (long) i) : period.when(is, (long) i);
      }
      Column rank =
          row_number()
              .over(
                  Window.partitionBy(col(Dimensions.PERIOD))
                      .orderBy(col(EpisodeFacts.SOURCE_DISTRICT), col("period_id")))
              .cast("long");
      return shiftleft(period, PERIOD_SHIFT).plus(shiftleft(rank, DOMAIN_BITS));
    }

    static Column domainIndex(Column livsomrade, List<LifeDomain> domains) {
      if (domains.size() >= 1 << DOMAIN_BITS) {
        throw new IllegalArgumentException("at most 15 life domains fit the episode number");
      }
      Column index = null;
      for (int i = 0; i < domains.size(); i++) {
        Column is = livsomrade.equalTo(domains.get(i).code());
        index = index == null ? when(is, (long) i) : index.when(is, (long) i);
      }
      return index;
    }

    static Column withDomain(Column number, Column domainIndex) {
      return number.plus(domainIndex);
    }

    static Column withoutDomain(Column key) {
      return shiftright(key, DOMAIN_BITS).multiply(1L << DOMAIN_BITS);
    }

    static Column domain(Column key, List<LifeDomain> domains) {
      Column index = key.bitwiseAND((1L << DOMAIN_BITS) - 1);
      Column code = null;
      for (int i = 0; i < domains.size(); i++) {
        Column is = index.equalTo((long) i);
        String c = domains.get(i).code();
        code = code == null ? when(is, c) : code.when(is, c);
      }
      return code;
    }
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
    // Both the per-domain measures and the per-episode one read the pairs, narrow (number,
    // domain, change): Spark reuses the identical exchange under them, so the assessments are
    // read and grouped once. Each branch first counts its rows per dimensions and value (a few
    // thousand rows) and only then expands them into the grouping sets.
    Pairs pairs = pairs(episodeFacts, assessments, periods, domains);
    Dataset<Row> episodes = broadcast(pairs.episodes());
    Dataset<Row> changes =
        countedByDimensions(
            pairs.byDomain(),
            episodes,
            col("livsomrade").as(Dimensions.CATEGORY),
            col("har_par"),
            col("forandring"));
    Column n = col("n");
    Column change = col("forandring");
    List<Column> histogram = new ArrayList<>();
    for (int v = -MAX_STEP; v <= MAX_STEP; v++) {
      histogram.add(sum(when(change.equalTo(v), n).otherwise(0L)));
    }
    Dataset<Row> agg =
        CellRows.withTotals(
            CellRows.groupingSets(
                    changes,
                    List.of(Dimensions.PERIOD, Dimensions.CATEGORY),
                    GroupingSets.without(domainSets, Dimensions.CATEGORY))
                .agg(
                    sum(n).as("med_utgang"),
                    sum(when(col("har_par"), n).otherwise(0L)).as("par"),
                    sum(when(change.gt(0), n).otherwise(0L)).as("battre"),
                    sum(when(change.equalTo(0), n).otherwise(0L)).as("samma"),
                    sum(when(change.lt(0), n).otherwise(0L)).as("samre"),
                    sum(when(change.isNotNull(), n)).as("_n"),
                    sum(change.multiply(n)).as("_s1"),
                    sum(change.multiply(change).multiply(n)).as("_s2"),
                    array(histogram.toArray(Column[]::new)).as("hist")),
            city);
    agg =
        CellRows.withTotalsOutside(
            agg.withColumn("medel", Moments.mean(col("_n"), col("_s1")))
                .withColumn(
                    "sd", Moments.sampleStandardDeviation(col("_n"), col("_s1"), col("_s2"))),
            city);
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
    Dataset<Row> perEpisode =
        countedByDimensions(
            pairs
                .byDomain()
                .groupBy(col(EPISODE_NUMBER))
                .agg(
                    max(when(col("har_par"), 1).otherwise(0)).as("nagot_par"),
                    max(when(change.gt(0), 1).otherwise(0)).as("nagot_battre")),
            episodes,
            col("nagot_par"),
            col("nagot_battre"));
    Dataset<Row> any =
        CellRows.withTotalsOutside(
            CellRows.withTotals(
                CellRows.groupingSets(
                        perEpisode,
                        List.of(Dimensions.PERIOD),
                        GroupingSets.without(anySets, Dimensions.CATEGORY))
                    .agg(
                        sum(when(col("nagot_battre").equalTo(1), n).otherwise(0L)).as("battre"),
                        sum(when(col("nagot_par").equalTo(1), n).otherwise(0L)).as("par")),
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

  /**
   * Rows of episodes with their episode's period and cube dimensions, counted per those and the
   * given values: what the grouping sets then expand is a few thousand rows.
   */
  private static Dataset<Row> countedByDimensions(
      Dataset<Row> rows, Dataset<Row> episodes, Column... values) {
    List<Column> keys = new ArrayList<>();
    keys.add(col(Dimensions.PERIOD));
    Dimensions.CUBE.forEach(d -> keys.add(col(d)));
    keys.addAll(List.of(values));
    return rows.join(episodes, EPISODE_NUMBER)
        .groupBy(keys.toArray(Column[]::new))
        .agg(count(lit(1)).as("n"));
  }
}
