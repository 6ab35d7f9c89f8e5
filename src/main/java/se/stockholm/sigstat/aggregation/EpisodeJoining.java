package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.abs;
import static org.apache.spark.sql.functions.broadcast;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.datediff;
import static org.apache.spark.sql.functions.greatest;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max_by;
import static org.apache.spark.sql.functions.min;
import static org.apache.spark.sql.functions.min_by;
import static org.apache.spark.sql.functions.row_number;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.DistrictStructure;
import se.stockholm.sigstat.model.MergerRule;

/**
 * The episodes of the warehouse as cases, across district mergers: a record closed (or left open)
 * when its district ceased and the same person's record opened in the successor are one episode
 * (districts.yaml {@code mergerRule}), from the first inskrivning to the last record's end, keyed
 * by its first record; an episode still open in a district that no longer exists ends on the
 * district's last day.
 */
public final class EpisodeJoining {
  /** The warehouse record key that assessments and insatser refer to. */
  private static final String DISTRICT = "stadsdel";

  private static final String ID = "period_id";

  /** The key of the joined episode a record belongs to (its first record). */
  private static final String JOINED_DISTRICT = "forlopp_stadsdel";

  private static final String JOINED_ID = "forlopp_id";

  /** True for an episode whose end was not delivered: it ends on its district's last day. */
  public static final String ENDED_AT_DISSOLUTION = "avslut_vid_upphorande";

  private static final String LAST_DAY = "stadsdel_sista_dag";
  private static final String REPORTED_DISTRICT = "redovisad_stadsdel";

  private EpisodeJoining() {}

  /** Joined episodes, and which records belong to a joined episode other than its first. */
  public record Joined(Dataset<Row> episodes, Dataset<Row> keys) {
    /**
     * Assessments or insatser (keyed by stadsdel and period_id) with the key of the joined episode
     * they belong to, so a joined episode keeps the records of all its parts.
     */
    public Dataset<Row> rekey(Dataset<Row> records) {
      List<Column> columns = new ArrayList<>();
      for (String c : records.columns()) {
        if (c.equals(DISTRICT)) {
          columns.add(coalesce(col(JOINED_DISTRICT), col(DISTRICT)).as(DISTRICT));
        } else if (c.equals(ID)) {
          columns.add(coalesce(col(JOINED_ID), col(ID)).as(ID));
        } else {
          columns.add(col(c));
        }
      }
      return records
          .join(broadcast(keys), new String[] {DISTRICT, ID}, "left")
          .select(columns.toArray(Column[]::new));
    }
  }

  /**
   * @param episodes warehouse insatsperioder
   * @param indelning the district structure figures are reported in: records are joined only where
   *     it shows them as one district
   * @param asOf the latest delivery date: districts that ceased before it no longer exist
   */
  public static Joined apply(
      Dataset<Row> episodes, DistrictStructure districts, LocalDate indelning, LocalDate asOf) {
    MergerRule rule = districts.mergerRule();
    Dataset<Row> records =
        withEndAtDissolution(episodes, districts, asOf)
            .withColumn(
                REPORTED_DISTRICT, DistrictMapping.mapped(col(DISTRICT), districts, indelning));
    Dataset<Row> links = links(records, rule);
    // A chain has at most one link per merger a district has gone through.
    Dataset<Row> keys =
        links.select(
            col("b_sd").as(DISTRICT),
            col("b_id").as(ID),
            col("a_sd").as(JOINED_DISTRICT),
            col("a_id").as(JOINED_ID));
    for (int i = 1; i < districts.mergerDepth(); i++) {
      Dataset<Row> parent =
          links.select(
              col("b_sd").as(JOINED_DISTRICT),
              col("b_id").as(JOINED_ID),
              col("a_sd").as("p_sd"),
              col("a_id").as("p_id"));
      keys =
          keys.join(parent, new String[] {JOINED_DISTRICT, JOINED_ID}, "left")
              .select(
                  col(DISTRICT),
                  col(ID),
                  coalesce(col("p_sd"), col(JOINED_DISTRICT)).as(JOINED_DISTRICT),
                  coalesce(col("p_id"), col(JOINED_ID)).as(JOINED_ID));
    }
    Column first = col("inskrivningsdatum");
    Dataset<Row> joined =
        records
            .join(keys, new String[] {DISTRICT, ID}, "left")
            .withColumn(JOINED_DISTRICT, coalesce(col(JOINED_DISTRICT), col(DISTRICT)))
            .withColumn(JOINED_ID, coalesce(col(JOINED_ID), col(ID)))
            .groupBy(col(JOINED_DISTRICT), col(JOINED_ID))
            .agg(
                min_by(col("person_id"), first).as("person_id"),
                min_by(col("fodelsedatum"), first).as("fodelsedatum"),
                min_by(col("kon"), first).as("kon"),
                min_by(col("verksamhet"), first).as("verksamhet"),
                min(first).as("inskrivningsdatum"),
                // The last record carries the episode's end (none while it goes on).
                max_by(col("avslutsdatum"), first).as("avslutsdatum"),
                max_by(col("avslutsorsak"), first).as("avslutsorsak"),
                max_by(col(ENDED_AT_DISSOLUTION), first).as(ENDED_AT_DISSOLUTION))
            .withColumnRenamed(JOINED_DISTRICT, DISTRICT)
            .withColumnRenamed(JOINED_ID, ID);
    return new Joined(joined, keys);
  }

  /** Episodes still open in a district that ceased before {@code asOf}, per delivering district. */
  public static Dataset<Row> endedAtDissolution(
      Dataset<Row> episodes, DistrictStructure districts, LocalDate asOf) {
    return withEndAtDissolution(episodes, districts, asOf)
        .filter(col(ENDED_AT_DISSOLUTION))
        .groupBy(col(DISTRICT))
        .agg(count(lit(1)).as("antal"));
  }

  /**
   * Records with their district's last day, and an end on that day for a record still open in a
   * district that no longer exists (with the rule's exit reason for an open end).
   */
  private static Dataset<Row> withEndAtDissolution(
      Dataset<Row> episodes, DistrictStructure districts, LocalDate asOf) {
    Column lastDay = null;
    for (District d : districts.all()) {
      if (d.validTo() != null) {
        Column is = col(DISTRICT).equalTo(d.code());
        lastDay = lastDay == null ? when(is, lit(d.validTo())) : lastDay.when(is, lit(d.validTo()));
      }
    }
    Column ended =
        lastDay == null || asOf == null
            ? lit(false)
            : col("avslutsdatum").isNull().and(coalesce(col(LAST_DAY).lt(lit(asOf)), lit(false)));
    return episodes
        .withColumn(LAST_DAY, lastDay == null ? lit(null).cast("date") : lastDay)
        .withColumn(ENDED_AT_DISSOLUTION, ended)
        .withColumn(
            "avslutsdatum",
            when(col(ENDED_AT_DISSOLUTION), greatest(col(LAST_DAY), col("inskrivningsdatum")))
                .otherwise(col("avslutsdatum")))
        .withColumn(
            "avslutsorsak",
            when(col(ENDED_AT_DISSOLUTION), lit(districts.mergerRule().openEndReason()))
                .otherwise(col("avslutsorsak")));
  }

  /**
   * One link per record continued across a merger: b (the continuation) → a (the record it
   * continues). Each a is continued by its earliest candidate, each b continues its latest.
   */
  private static Dataset<Row> links(Dataset<Row> records, MergerRule rule) {
    Column transferred =
        col("avslutsorsak")
            .equalTo(rule.transferReason())
            .and(abs(datediff(col("avslutsdatum"), col(LAST_DAY))).leq(rule.maxGapDays()))
            .or(col(ENDED_AT_DISSOLUTION));
    Dataset<Row> ending =
        records
            .filter(transferred)
            .select(
                col("person_id"),
                col("verksamhet"),
                col(REPORTED_DISTRICT),
                col(DISTRICT).as("a_sd"),
                col(ID).as("a_id"),
                col("avslutsdatum").as("a_slut"));
    Dataset<Row> starting =
        records.select(
            col("person_id"),
            col("verksamhet"),
            col(REPORTED_DISTRICT),
            col(DISTRICT).as("b_sd"),
            col(ID).as("b_id"),
            col("inskrivningsdatum").as("b_start"));
    Column gap = datediff(col("b_start"), col("a_slut"));
    Dataset<Row> candidates =
        ending
            .join(starting, new String[] {"person_id", "verksamhet", REPORTED_DISTRICT}, "inner")
            .filter(col("b_sd").notEqual(col("a_sd")))
            .filter(gap.between(0, rule.maxGapDays()));
    return candidates
        .withColumn(
            "a_rank",
            row_number()
                .over(
                    Window.partitionBy(col("a_sd"), col("a_id"))
                        .orderBy(col("b_start"), col("b_sd"), col("b_id"))))
        .filter(col("a_rank").equalTo(1))
        .withColumn(
            "b_rank",
            row_number()
                .over(
                    Window.partitionBy(col("b_sd"), col("b_id"))
                        .orderBy(col("a_slut").desc(), col("a_sd"), col("a_id"))))
        .filter(col("b_rank").equalTo(1))
        .select(col("a_sd"), col("a_id"), col("b_sd"), col("b_id"));
  }
}
