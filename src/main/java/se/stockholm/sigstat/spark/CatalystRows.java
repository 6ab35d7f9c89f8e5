package se.stockholm.sigstat.spark;

import java.time.LocalDate;
import java.util.List;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.catalyst.InternalRow;
import org.apache.spark.sql.catalyst.expressions.Attribute;
import org.apache.spark.sql.catalyst.expressions.Expression;
import org.apache.spark.sql.catalyst.expressions.GenericInternalRow;
import org.apache.spark.sql.catalyst.expressions.SortOrder;
import org.apache.spark.sql.catalyst.plans.physical.HashPartitioning;
import org.apache.spark.sql.catalyst.types.DataTypeUtils;
import org.apache.spark.sql.execution.LogicalRDD;
import org.apache.spark.sql.types.DataType;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import org.apache.spark.unsafe.types.UTF8String;
import scala.Option;
import scala.collection.immutable.Seq;
import scala.jdk.javaapi.CollectionConverters;

/**
 * A Dataset of plain rows whose values have the few types the validated rows use, converted to
 * Spark's internal values directly. {@code createDataFrame} runs every row through a generic
 * encoder that checks each field's type on the way; at 4 million delivered rows that was 7 % of
 * ingest's CPU. The types are checked here too, cheaply, so a wrong value still fails clearly.
 */
public final class CatalystRows {
  private enum Kind {
    STRING,
    DATE,
    INTEGER,
    LONG,
    DOUBLE
  }

  private CatalystRows() {}

  /** The rows as a Dataset of {@code schema}: String, LocalDate, Integer, Long or Double values. */
  public static Dataset<Row> dataFrame(SparkSession spark, JavaRDD<Row> rows, StructType schema) {
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
      return spark.createDataFrame(rows, schema);
    }
    return classic.internalCreateDataFrame(toInternal(rows, schema).rdd(), schema, false);
  }

  private static JavaRDD<InternalRow> toInternal(JavaRDD<Row> rows, StructType schema) {
    Kind[] kinds = kindsOf(schema);
    return rows.map(row -> internal(row, kinds));
  }

  /**
   * The rows as a Dataset of {@code schema} that Spark knows to be spread by {@code column} into
   * the RDD's partitions, as its own hash partitioning would spread them ({@link
   * DeliveryPartitions#partitionOf}): operations that need rows with equal values together (a
   * window, a join, a grouping by that column and more) then need no exchange. The caller
   * guarantees the spread; a row in another partition would make those operations wrong.
   */
  public static Dataset<Row> dataFrameSpreadBy(
      SparkSession spark, JavaRDD<Row> rows, StructType schema, String column) {
    int partitions = rows.getNumPartitions();
    if (!(spark instanceof org.apache.spark.sql.classic.SparkSession classic)) {
      return spark
          .createDataFrame(rows, schema)
          .repartition(partitions, org.apache.spark.sql.functions.col(column));
    }
    JavaRDD<InternalRow> internal = toInternal(rows, schema);
    List<Attribute> output =
        List.copyOf(CollectionConverters.asJava(DataTypeUtils.toAttributes(schema)));
    Attribute key =
        output.stream()
            .filter(a -> a.name().equals(column))
            .findFirst()
            .orElseThrow(() -> new IllegalArgumentException("No column " + column));
    HashPartitioning spread = new HashPartitioning(scala(List.<Expression>of(key)), partitions);
    LogicalRDD plan =
        new LogicalRDD(
            scala(output),
            internal.rdd(),
            spread,
            scala(List.<SortOrder>of()),
            false,
            Option.empty(),
            classic,
            Option.empty(),
            Option.empty());
    return org.apache.spark.sql.classic.Dataset.ofRows(classic, plan);
  }

  private static <T> Seq<T> scala(List<T> list) {
    return CollectionConverters.asScala(list).toList();
  }

  private static Kind[] kindsOf(StructType schema) {
    StructField[] fields = schema.fields();
    Kind[] kinds = new Kind[fields.length];
    for (int i = 0; i < fields.length; i++) {
      kinds[i] = kindOf(fields[i].dataType(), fields[i].name());
    }
    return kinds;
  }

  private static Kind kindOf(DataType type, String field) {
    if (type.equals(DataTypes.StringType)) {
      return Kind.STRING;
    } else if (type.equals(DataTypes.DateType)) {
      return Kind.DATE;
    } else if (type.equals(DataTypes.IntegerType)) {
      return Kind.INTEGER;
    } else if (type.equals(DataTypes.LongType)) {
      return Kind.LONG;
    } else if (type.equals(DataTypes.DoubleType)) {
      return Kind.DOUBLE;
    }
    throw new IllegalArgumentException("No direct conversion for " + field + " of type " + type);
  }

  static InternalRow internal(Row row, Kind[] kinds) {
    if (row.length() != kinds.length) {
      throw new IllegalArgumentException(
          "Row of " + row.length() + " values for a schema of " + kinds.length + " fields");
    }
    Object[] values = new Object[kinds.length];
    for (int i = 0; i < kinds.length; i++) {
      Object v = row.get(i);
      if (v != null) {
        values[i] = internal(v, kinds[i]);
      }
    }
    return new GenericInternalRow(values);
  }

  private static Object internal(Object v, Kind kind) {
    switch (kind) {
      case STRING:
        if (v instanceof String s) {
          return UTF8String.fromString(s);
        }
        break;
      case DATE:
        // Spark keeps a date as its day number since 1970-01-01.
        if (v instanceof LocalDate d) {
          return Math.toIntExact(d.toEpochDay());
        }
        break;
      case INTEGER:
        if (v instanceof Integer) {
          return v;
        }
        break;
      case LONG:
        if (v instanceof Long) {
          return v;
        }
        break;
      case DOUBLE:
        if (v instanceof Double) {
          return v;
        }
        break;
      default:
        break;
    }
    throw new IllegalArgumentException(
        "A " + v.getClass().getSimpleName() + " where a " + kind + " value belongs");
  }
}
