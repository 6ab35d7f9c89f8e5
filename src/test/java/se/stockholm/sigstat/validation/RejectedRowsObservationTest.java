package se.stockholm.sigstat.validation;

import static org.apache.spark.sql.functions.col;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.testing.SharedSpark;

/** The rejected rows come from the same pass that consumes the accepted ones. */
@ExtendWith(SharedSpark.class)
class RejectedRowsObservationTest {
  private static final LocalDate DELIVERED = LocalDate.of(2025, 1, 31);

  private static Dataset<Row> validated(SparkSession spark) {
    StructType schema =
        new StructType()
            .add(SparkSchemas.DELIVERY_ID, DataTypes.StringType)
            .add(SparkSchemas.DELIVERY_DISTRICT, DataTypes.StringType)
            .add(SparkSchemas.DELIVERY_DATE, DataTypes.DateType)
            .add(SparkSchemas.LINE, DataTypes.LongType)
            .add(SparkSchemas.REJECT_COLUMN, DataTypes.StringType)
            .add(SparkSchemas.REJECT_VALUE, DataTypes.StringType)
            .add(SparkSchemas.REJECT_REASON, DataTypes.StringType);
    return spark.createDataFrame(
        List.of(
            RowFactory.create("F1", "FARSTA", DELIVERED, 2L, null, null, null),
            RowFactory.create("F1", "FARSTA", DELIVERED, 3L, "datum", "2025-13-01", "ogiltigt"),
            RowFactory.create("F1", "FARSTA", DELIVERED, 4L, null, null, null)),
        schema);
  }

  @Test
  void theActionOnTheAcceptedRowsBringsTheRejectedOnes(SparkSession spark) {
    RejectedRowsObservation observation = new RejectedRowsObservation();
    long accepted =
        observation
            .observe(validated(spark))
            .filter(col(SparkSchemas.REJECT_REASON).isNull())
            .count();

    assertThat(accepted).isEqualTo(2);
    List<Row> lines = observation.lines();
    assertThat(lines).hasSize(1);
    assertThat(ValidationSummary.entry(lines.get(0), "bedomningar.csv", "FARSTA/2025-01-31"))
        .isEqualTo(
            new RejectedRowsLedger.Entry(
                "FARSTA/2025-01-31", "bedomningar.csv", 3L, "datum", "2025-13-01", "ogiltigt"));
  }

  @Test
  void withoutTheActionItFailsInsteadOfWaitingForever(SparkSession spark) {
    RejectedRowsObservation observation = new RejectedRowsObservation(1);
    observation.observe(validated(spark));

    assertThatThrownBy(observation::lines)
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("within 1 s");
  }
}
