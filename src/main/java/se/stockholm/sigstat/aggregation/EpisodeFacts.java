package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.floor;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.months_between;
import static org.apache.spark.sql.functions.when;

import java.time.LocalDate;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import se.stockholm.sigstat.model.Code;
import se.stockholm.sigstat.model.CodeList;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * Episodes (or relatives' cases) with the cube's dimensions attached: the district in the chosen
 * structure, kön as K/M/OVRIGT, and the age band at the start date.
 */
public final class EpisodeFacts {
  /** The delivering district and record id: the key assessments and insatser join on. */
  public static final String SOURCE_DISTRICT = "kalla_stadsdel";

  private EpisodeFacts() {}

  /** Episodes of the warehouse, with dimensions; dates stay as they are. */
  public static Dataset<Row> episodes(
      Dataset<Row> episodes, FollowUpModel model, LocalDate indelning) {
    return episodes.select(
        col("stadsdel").as(SOURCE_DISTRICT),
        col("period_id"),
        col("person_id"),
        DistrictMapping.mapped(col("stadsdel"), model.districts(), indelning)
            .as(Dimensions.DISTRICT),
        col("verksamhet").as(Dimensions.ACTIVITY),
        gender(col("kon")).as(Dimensions.GENDER),
        ageBand(col("fodelsedatum"), col("inskrivningsdatum"), model.codeList("aldersgrupp"))
            .as(Dimensions.AGE_BAND),
        col("inskrivningsdatum"),
        col("avslutsdatum"),
        col("avslutsorsak"));
  }

  /** Relatives' cases of the warehouse, with dimensions (verksamhet is ANHORIGSTOD). */
  public static Dataset<Row> relatives(
      Dataset<Row> cases, FollowUpModel model, LocalDate indelning) {
    return cases.select(
        col("person_id"),
        DistrictMapping.mapped(col("stadsdel"), model.districts(), indelning)
            .as(Dimensions.DISTRICT),
        lit(Dimensions.RELATIVES).as(Dimensions.ACTIVITY),
        gender(col("kon")).as(Dimensions.GENDER),
        ageBand(col("fodelsedatum"), col("startdatum"), model.codeList("aldersgrupp"))
            .as(Dimensions.AGE_BAND),
        col("relation"),
        col("malgrupp"),
        col("startdatum"),
        col("slutdatum"),
        col("antal_samtal"));
  }

  /** K and M as delivered; X and missing become OVRIGT, never dropped. */
  public static Column gender(Column kon) {
    return when(kon.isin("K", "M"), kon).otherwise(lit(Dimensions.OTHER_GENDER));
  }

  /** Whole years at {@code on}, banded by the aldersgrupp code list. */
  public static Column ageBand(Column birth, Column on, CodeList bands) {
    Column age = floor(months_between(on, birth).divide(12));
    Column result = null;
    for (Code band : bands.codes()) {
      Column in = band.from() == null ? lit(true) : age.geq(band.from());
      if (band.to() != null) {
        in = in.and(age.leq(band.to()));
      }
      result = result == null ? when(in, lit(band.code())) : result.when(in, lit(band.code()));
    }
    return coalesce(result, lit(bands.codes().get(bands.codes().size() - 1).code()));
  }
}
