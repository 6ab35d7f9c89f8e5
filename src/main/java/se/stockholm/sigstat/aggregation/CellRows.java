package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.array;
import static org.apache.spark.sql.functions.coalesce;
import static org.apache.spark.sql.functions.col;
import static org.apache.spark.sql.functions.count;
import static org.apache.spark.sql.functions.explode;
import static org.apache.spark.sql.functions.grouping_id;
import static org.apache.spark.sql.functions.lit;
import static org.apache.spark.sql.functions.max;
import static org.apache.spark.sql.functions.struct;
import static org.apache.spark.sql.functions.sum;
import static org.apache.spark.sql.functions.when;

import java.util.ArrayList;
import java.util.List;
import org.apache.spark.sql.Column;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.RelationalGroupedDataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.expressions.Window;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import scala.jdk.javaapi.CollectionConverters;

/**
 * The long format every statistic emits: one row per cell and measure, with numerator, denominator
 * and auxiliary figures the driver needs to finish the cell (standard deviation, histogram of
 * changes). Also builds the grouping sets of the cube.
 */
public final class CellRows {
  public static final String VALUE = "varde";
  public static final String NUMERATOR = "taljare";
  public static final String DENOMINATOR = "namnare";
  public static final String AUX = "aux";

  /** The pseudonymised person every person measure counts. */
  public static final String PERSON = "person_id";

  private static final String GROUPING_ID = "_grupp";

  /** How many rows a person has per fixed key. */
  private static final String ROWS = "_rader";

  public static final StructType SCHEMA =
      DataTypes.createStructType(
          List.of(
              DataTypes.createStructField(Dimensions.PERIOD, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.MEASURE, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.CATEGORY, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.DISTRICT, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.ACTIVITY, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.GENDER, DataTypes.StringType, false),
              DataTypes.createStructField(Dimensions.AGE_BAND, DataTypes.StringType, false),
              DataTypes.createStructField(VALUE, DataTypes.DoubleType, true),
              DataTypes.createStructField(NUMERATOR, DataTypes.DoubleType, true),
              DataTypes.createStructField(DENOMINATOR, DataTypes.DoubleType, true),
              DataTypes.createStructField(
                  AUX, DataTypes.createArrayType(DataTypes.DoubleType), true)));

  private CellRows() {}

  /**
   * Groups by {@code fixed} columns (always grouped) plus each of the grouping sets, so all the
   * totals the published tables need come out of one aggregation.
   */
  public static RelationalGroupedDataset groupingSets(
      Dataset<Row> ds, List<String> fixed, List<List<String>> sets) {
    List<scala.collection.immutable.Seq<Column>> scalaSets = new ArrayList<>();
    for (List<String> s : sets) {
      List<Column> set = new ArrayList<>();
      fixed.forEach(f -> set.add(col(f)));
      s.forEach(d -> set.add(col(d)));
      scalaSets.add(CollectionConverters.asScala(set).toList());
    }
    List<Column> all = new ArrayList<>();
    fixed.forEach(f -> all.add(col(f)));
    GroupingSets.dimensions(sets).forEach(c -> all.add(col(c)));
    return ds.groupingSets(
        CollectionConverters.asScala(scalaSets).toList(), all.toArray(Column[]::new));
  }

  /**
   * Distinct persons per cell of the grouping sets, and how many of them meet each flag. Nearly
   * every person has one row per fixed key (one episode a period): those rows are counted per
   * finest cell (fixed columns and every dimension) and summed up the grouping sets. Only persons
   * with several rows are expanded into the grouping sets person by person, so that a person is
   * counted once in a cell however many of their rows it holds. Spark would otherwise expand every
   * row once per grouping set (and once more per distinct aggregate).
   *
   * <p>Fastest when {@code ds} is partitioned by {@link #PERSON}: then counting a person's rows
   * moves none of them between tasks.
   *
   * @param flags name → condition on a row; a person counts for a flag if any row meets it
   */
  public static Dataset<Row> personCounts(
      Dataset<Row> ds,
      List<String> fixed,
      List<List<String>> sets,
      String cityCode,
      String countName,
      java.util.Map<String, Column> flags) {
    List<String> dims = GroupingSets.dimensions(sets);
    List<Column> select = new ArrayList<>();
    fixed.forEach(f -> select.add(col(f)));
    dims.forEach(c -> select.add(col(c)));
    select.add(col(PERSON));
    flags.forEach((name, condition) -> select.add(when(condition, 1).otherwise(0).as(name)));
    List<Column> personAndFixed = new ArrayList<>();
    personAndFixed.add(col(PERSON));
    fixed.forEach(f -> personAndFixed.add(col(f)));
    Dataset<Row> rows =
        ds.select(select.toArray(Column[]::new))
            .withColumn(
                ROWS,
                count(lit(1)).over(Window.partitionBy(personAndFixed.toArray(Column[]::new))));

    List<Column> finest = new ArrayList<>();
    fixed.forEach(f -> finest.add(col(f)));
    dims.forEach(c -> finest.add(col(c)));
    List<Column> sums = new ArrayList<>();
    flags.keySet().forEach(name -> sums.add(sum(name).as(name)));
    List<Column> counted = new ArrayList<>();
    counted.add(sum(countName).as(countName));
    counted.addAll(sums);
    Dataset<Row> withOneRow =
        groupingSets(
                rows.filter(col(ROWS).equalTo(1))
                    .groupBy(finest.toArray(Column[]::new))
                    .agg(count(lit(1)).as(countName), sums.toArray(Column[]::new)),
                fixed,
                sets)
            .agg(grouping_id().as(GROUPING_ID), counted.toArray(Column[]::new));

    List<String> fixedAndPerson = new ArrayList<>(fixed);
    fixedAndPerson.add(PERSON);
    List<Column> perPerson = new ArrayList<>();
    flags.keySet().forEach(name -> perPerson.add(max(name).as(name)));
    List<Column> keys = new ArrayList<>(finest);
    keys.add(col(GROUPING_ID));
    Dataset<Row> withSeveralRows =
        groupingSets(rows.filter(col(ROWS).gt(1)), fixedAndPerson, sets)
            .agg(grouping_id().as(GROUPING_ID), perPerson.toArray(Column[]::new))
            .groupBy(keys.toArray(Column[]::new))
            .agg(count(lit(1)).as(countName), sums.toArray(Column[]::new));
    // The person is always grouped, so both branches number a grouping set alike.
    return withTotals(
        withOneRow
            .unionByName(withSeveralRows)
            .groupBy(keys.toArray(Column[]::new))
            .agg(sum(countName).as(countName), sums.toArray(Column[]::new))
            .drop(GROUPING_ID),
        cityCode);
  }

  /** Replaces the nulls grouping sets leave in total positions by the total codes. */
  public static Dataset<Row> withTotals(Dataset<Row> aggregated, String cityCode) {
    Dataset<Row> d = aggregated;
    for (String dim :
        List.of(
            Dimensions.DISTRICT,
            Dimensions.ACTIVITY,
            Dimensions.GENDER,
            Dimensions.AGE_BAND,
            Dimensions.CATEGORY)) {
      if (List.of(d.columns()).contains(dim)) {
        String total = dim.equals(Dimensions.DISTRICT) ? cityCode : Dimensions.ALL;
        d = d.withColumn(dim, coalesce(col(dim), lit(total)));
      }
    }
    return d;
  }

  /** Dimensions of the cube that no grouping set has, as their totals (a coarser breakdown). */
  public static Dataset<Row> withTotalsOutside(Dataset<Row> aggregated, String cityCode) {
    Dataset<Row> d = aggregated;
    for (String dim : Dimensions.CUBE) {
      if (!List.of(d.columns()).contains(dim)) {
        d = d.withColumn(dim, lit(dim.equals(Dimensions.DISTRICT) ? cityCode : Dimensions.ALL));
      }
    }
    return d;
  }

  /** How one measure's row is read from the columns of an aggregated Dataset. */
  public record Output(
      String measure,
      Column category,
      Column value,
      Column numerator,
      Column denominator,
      Column aux) {}

  /**
   * Every measure of one aggregation in the long format, in a single projection (an explode of one
   * struct per measure), so the aggregation is computed once however many measures it feeds.
   */
  public static Dataset<Row> measures(Dataset<Row> aggregated, Output... outputs) {
    List<Column> structs = new ArrayList<>();
    for (Output o : outputs) {
      structs.add(
          struct(
              lit(o.measure()).as(Dimensions.MEASURE),
              o.category().cast("string").as(Dimensions.CATEGORY),
              o.value().cast("double").as(VALUE),
              o.numerator().cast("double").as(NUMERATOR),
              o.denominator().cast("double").as(DENOMINATOR),
              o.aux().cast("array<double>").as(AUX)));
    }
    return aggregated
        .select(
            col(Dimensions.PERIOD),
            col(Dimensions.DISTRICT),
            col(Dimensions.ACTIVITY),
            col(Dimensions.GENDER),
            col(Dimensions.AGE_BAND),
            explode(array(structs.toArray(Column[]::new))).as("m"))
        .select(
            col(Dimensions.PERIOD),
            col("m." + Dimensions.MEASURE).as(Dimensions.MEASURE),
            col("m." + Dimensions.CATEGORY).as(Dimensions.CATEGORY),
            col(Dimensions.DISTRICT),
            col(Dimensions.ACTIVITY),
            col(Dimensions.GENDER),
            col(Dimensions.AGE_BAND),
            col("m." + VALUE).as(VALUE),
            col("m." + NUMERATOR).as(NUMERATOR),
            col("m." + DENOMINATOR).as(DENOMINATOR),
            col("m." + AUX).as(AUX));
  }

  public static Output out(
      String measure,
      Column category,
      Column value,
      Column numerator,
      Column denominator,
      Column aux) {
    return new Output(measure, category, value, numerator, denominator, aux);
  }

  public static Column none() {
    return lit(null);
  }
}
