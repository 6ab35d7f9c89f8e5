package se.stockholm.sigstat.aggregation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.ReportingPeriod;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/**
 * The finance rows come in the order of the warehouse's files, which is not fixed: cost and FTEs
 * must add up to the same figure in every order (as doubles, 0.1 + 0.2 + 0.3 is 0.6000000000000001
 * in that order and 0.6 in the reverse).
 */
class ResourceSumsTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final ReportingPeriod YEAR = ReportingPeriod.year(2024);

  @Test
  void costAndFtesAddUpExactlyInEveryOrder() {
    List<Row> rows = new ArrayList<>();
    for (double fte : new double[] {0.1, 0.2, 0.3}) {
      rows.add(RowFactory.create("FARSTA", 2024, "SIG_UNGA", 1000.1, fte));
    }
    List<Row> reversed = new ArrayList<>(rows);
    Collections.reverse(reversed);
    for (List<Row> ordered : List.of(rows, reversed)) {
      Map<CellKey, Cell> cells = new HashMap<>();
      new ResourceMeasures(
              MODEL, new CubeGrid(MODEL, LocalDate.of(2024, 12, 31)), cells, YEAR.end())
          .add(YEAR, ordered);
      for (String district : List.of("FARSTA", MODEL.districts().cityCode())) {
        for (String activity : List.of("SIG_UNGA", Dimensions.ALL)) {
          assertThat(value(cells, "ARSARBETARE", district, activity)).isEqualTo(0.6);
          assertThat(value(cells, "KOSTNAD_KR", district, activity)).isEqualTo(3000.3);
        }
      }
    }
  }

  private static double value(
      Map<CellKey, Cell> cells, String measure, String district, String activity) {
    return cells
        .get(
            new CellKey(
                YEAR.code(),
                measure,
                Dimensions.NO_CATEGORY,
                district,
                activity,
                Dimensions.ALL,
                Dimensions.ALL))
        .value();
  }
}
