package se.stockholm.sigstat.publish;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.LinkedHashMap;
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

/**
 * A period the data do not cover yet is published cut at the as-of date and marked preliminary: a
 * last column {@code preliminar} in statistik.csv and .parquet, a flag per period in
 * statistik.json; the earlier columns keep their names and order.
 */
@ExtendWith(SharedSpark.class)
class StatistikPreliminaryTest {
  private static final LocalDate AS_OF = LocalDate.of(2026, 11, 24);

  private static ProtectedTable table() {
    Map<String, ReportingPeriod> periods = new LinkedHashMap<>();
    periods.put("2025", ReportingPeriod.year(2025).cutAt(AS_OF));
    periods.put("2026", ReportingPeriod.year(2026).cutAt(AS_OF));
    return new ProtectedTable(
        List.of(cell("2025", 540.0), cell("2026", 498.0)), periods, LocalDate.of(2025, 12, 31), 5);
  }

  private static ProtectedCell cell(String period, double value) {
    return new ProtectedCell(
        new CellKey(period, "AKTUELLA", "", "STHLM", "ALLA", "ALLA", "ALLA"),
        value,
        null,
        null,
        null,
        null,
        CellStatus.SAFE);
  }

  @Test
  void csvHasALastColumnPreliminarAndThePeriodEndsOnTheAsOfDate(@TempDir Path run)
      throws Exception {
    StatistikFiles.write(table(), List.of("2025"), run);
    List<String> lines = Files.readAllLines(run.resolve(StatistikFiles.CSV));
    assertThat(lines.get(0))
        .isEqualTo(
            "period,period_start,period_slut,indelning,matt,kategori,stadsdel,verksamhet,kon,"
                + "aldersgrupp,varde,taljare,namnare,ki_lag,ki_hog,status,preliminar");
    assertThat(lines)
        .contains(
            "2025,2025-01-01,2025-12-31,2025-12-31,AKTUELLA,,STHLM,ALLA,ALLA,ALLA,540,,,,,S,false",
            "2026,2026-01-01,2026-11-24,2025-12-31,AKTUELLA,,STHLM,ALLA,ALLA,ALLA,498,,,,,S,true");
    JsonNode meta = new ObjectMapper().readTree(run.resolve(StatistikFiles.META).toFile());
    assertThat(meta.path("perioder").get(0).path("preliminar").asBoolean()).isFalse();
    assertThat(meta.path("perioder").get(1).path("preliminar").asBoolean()).isTrue();
    StatistikFiles.Published back = StatistikFiles.read(run);
    assertThat(back.periods().get("2026").preliminary()).isTrue();
    assertThat(back.periods().get("2026").end()).isEqualTo(AS_OF);
    assertThat(back.periods().get("2025").preliminary()).isFalse();
  }

  @Test
  void parquetHasTheFlagAsABoolean(SparkSession spark, @TempDir Path run) throws Exception {
    StatistikFiles.write(table(), List.of("2025"), run);
    List<Row> rows =
        spark
            .read()
            .parquet(run.resolve(StatistikFiles.PARQUET).toString())
            .orderBy("period")
            .collectAsList();
    assertThat(rows.get(0).<Boolean>getAs("preliminar")).isFalse();
    assertThat(rows.get(1).<Boolean>getAs("preliminar")).isTrue();
    assertThat(rows.get(1).<LocalDate>getAs("period_slut")).isEqualTo(AS_OF);
  }
}
