package se.stockholm.sigstat.publish;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.CellStatus;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.disclosure.ProtectedTable;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.testing.SharedSpark;

/** The published files say the same thing: CSV read back, and Parquet read by Spark. */
@ExtendWith(SharedSpark.class)
class StatistikFilesTest {
  private static final ReportingPeriod YEAR = ReportingPeriod.year(2025);

  private static ProtectedTable table() {
    return new ProtectedTable(
        List.of(
            new ProtectedCell(
                new CellKey("2025", "AKTUELLA", "", "STHLM", "ALLA", "ALLA", "ALLA"),
                412.0,
                null,
                null,
                null,
                null,
                CellStatus.SAFE),
            new ProtectedCell(
                new CellKey("2025", "FORBATTRAD", "BOENDE", "FARSTA", "ALLA", "K", "ALLA"),
                0.625,
                5.0,
                8.0,
                0.3057,
                0.8632,
                CellStatus.SAFE),
            new ProtectedCell(
                new CellKey("2025", "AKTUELLA", "", "FARSTA", "ALLA", "K", "ALLA"),
                null,
                null,
                null,
                null,
                null,
                CellStatus.PRIMARY)),
        Map.of("2025", YEAR),
        LocalDate.of(2025, 12, 31),
        5);
  }

  @Test
  void parquetHoldsEveryCellWithTypesAndEmptySuppressedValues(SparkSession spark, @TempDir Path run)
      throws Exception {
    StatistikFiles.write(table(), List.of("2025"), run);
    List<Row> rows =
        spark
            .read()
            .parquet(run.resolve("statistik.parquet").toString())
            .orderBy("matt", "stadsdel", "kon")
            .collectAsList();
    assertThat(spark.read().parquet(run.resolve("statistik.parquet").toString()).columns())
        .containsExactlyElementsOf(StatistikFiles.COLUMNS);
    assertThat(rows).hasSize(3);
    Row suppressed = rows.get(0);
    assertThat(suppressed.<String>getAs("stadsdel")).isEqualTo("FARSTA");
    assertThat(suppressed.<Object>getAs("varde")).isNull();
    assertThat(suppressed.<String>getAs("status")).isEqualTo("P");
    Row city = rows.get(1);
    assertThat(city.<Double>getAs("varde")).isEqualTo(412.0);
    assertThat(city.<LocalDate>getAs("period_slut")).isEqualTo(LocalDate.of(2025, 12, 31));
    Row share = rows.get(2);
    assertThat(share.<Double>getAs("taljare")).isEqualTo(5.0);
    assertThat(share.<Double>getAs("namnare")).isEqualTo(8.0);
    assertThat(share.<Double>getAs("ki_hog")).isEqualTo(0.8632);
    assertThat(share.<LocalDate>getAs("indelning")).isEqualTo(LocalDate.of(2025, 12, 31));
  }

  @Test
  void csvReadsBackToTheSameCells(@TempDir Path run) throws Exception {
    StatistikFiles.write(table(), List.of("2025"), run);
    StatistikFiles.Published back = StatistikFiles.read(run);
    assertThat(back.cells()).containsExactlyElementsOf(table().cells());
    assertThat(back.minCell()).isEqualTo(5);
    assertThat(back.reportPeriods()).containsExactly("2025");
  }
}
