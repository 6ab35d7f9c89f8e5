package se.stockholm.sigstat.aggregation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * Distinct persons per cell: a person with one row a period is counted by cell and summed up the
 * grouping sets, one with several rows is expanded person by person. Either way a person counts
 * once in a cell, and for a flag if any of their rows in the cell meets it.
 */
@ExtendWith(SharedSpark.class)
class PersonCountsTest {
  private static final String CITY = "STAD";
  private static final String ALL = Dimensions.ALL;
  private static final StructType SCHEMA =
      new StructType()
          .add(Dimensions.PERIOD, DataTypes.StringType)
          .add(Dimensions.DISTRICT, DataTypes.StringType)
          .add(Dimensions.GENDER, DataTypes.StringType)
          .add(CellRows.PERSON, DataTypes.StringType)
          .add("flagga", DataTypes.BooleanType);
  private static final List<List<String>> SETS =
      GroupingSets.cube(List.of(Dimensions.DISTRICT, Dimensions.GENDER));

  @Test
  void aPersonCountsOnceInACellAndForAFlagIfAnyOfTheirRowsThereMeetsIt(SparkSession spark) {
    Map<List<String>, long[]> counts =
        counted(
            spark,
            List.of(
                row("2024", "FARSTA", "M", "P1", true),
                // two rows in one cell
                row("2024", "FARSTA", "K", "P2", false),
                row("2024", "FARSTA", "K", "P2", true),
                // rows in two cells, the flag in one
                row("2024", "FARSTA", "M", "P3", false),
                row("2024", "BROMMA", "M", "P3", true),
                row("2025", "FARSTA", "M", "P1", false),
                row("2025", "BROMMA", "K", "P4", true)));

    assertThat(counts.get(List.of("2024", "FARSTA", "M"))).containsExactly(2, 1);
    assertThat(counts.get(List.of("2024", "FARSTA", "K"))).containsExactly(1, 1);
    assertThat(counts.get(List.of("2024", "BROMMA", "M"))).containsExactly(1, 1);
    assertThat(counts.get(List.of("2024", "FARSTA", ALL))).containsExactly(3, 2);
    assertThat(counts.get(List.of("2024", "BROMMA", ALL))).containsExactly(1, 1);
    assertThat(counts.get(List.of("2024", CITY, "M"))).containsExactly(2, 2);
    assertThat(counts.get(List.of("2024", CITY, "K"))).containsExactly(1, 1);
    assertThat(counts.get(List.of("2024", CITY, ALL))).containsExactly(3, 3);
    assertThat(counts.get(List.of("2025", CITY, ALL))).containsExactly(2, 1);
    assertThat(counts.get(List.of("2025", "FARSTA", "M"))).containsExactly(1, 0);
    assertThat(counts).hasSize(9 + 6);
  }

  @Test
  void equalsAPlainCountOfDistinctPersonsOnRandomRows(SparkSession spark) {
    Random random = new Random(20261206);
    List<String> districts = List.of("FARSTA", "BROMMA", "KISTA");
    List<String> genders = List.of("K", "M", "OVRIGT");
    List<Row> rows = new ArrayList<>();
    for (int i = 0; i < 400; i++) {
      rows.add(
          row(
              random.nextBoolean() ? "2024" : "2025",
              districts.get(random.nextInt(districts.size())),
              genders.get(random.nextInt(genders.size())),
              "P" + random.nextInt(120),
              random.nextInt(4) == 0));
    }
    Map<List<String>, Set<String>> persons = new HashMap<>();
    Map<List<String>, Set<String>> flagged = new HashMap<>();
    for (Row r : rows) {
      for (String district : List.of(r.getString(1), CITY)) {
        for (String gender : List.of(r.getString(2), ALL)) {
          List<String> cell = List.of(r.getString(0), district, gender);
          persons.computeIfAbsent(cell, c -> new HashSet<>()).add(r.getString(3));
          if (r.getBoolean(4)) {
            flagged.computeIfAbsent(cell, c -> new HashSet<>()).add(r.getString(3));
          }
        }
      }
    }

    Map<List<String>, long[]> counts = counted(spark, rows);

    assertThat(counts.keySet()).isEqualTo(persons.keySet());
    persons.forEach(
        (cell, who) ->
            assertThat(counts.get(cell))
                .as(cell.toString())
                .containsExactly(who.size(), flagged.getOrDefault(cell, Set.of()).size()));
  }

  private static Row row(String period, String district, String gender, String who, boolean f) {
    return RowFactory.create(period, district, gender, who, f);
  }

  /** (period, district, gender) → {persons, persons flagged}. */
  private static Map<List<String>, long[]> counted(SparkSession spark, List<Row> rows) {
    Dataset<Row> ds = spark.createDataFrame(rows, SCHEMA);
    Dataset<Row> out =
        CellRows.personCounts(
            ds, List.of(Dimensions.PERIOD), SETS, CITY, "antal", Map.of("FLAGGADE", col("flagga")));
    Map<List<String>, long[]> counts = new HashMap<>();
    for (Row r : out.collectAsList()) {
      List<String> cell =
          List.of(
              r.getAs(Dimensions.PERIOD), r.getAs(Dimensions.DISTRICT), r.getAs(Dimensions.GENDER));
      long[] previous =
          counts.put(cell, new long[] {r.<Long>getAs("antal"), r.<Long>getAs("FLAGGADE")});
      assertThat(previous).as("one row per cell: " + cell).isNull();
    }
    return counts;
  }
}
