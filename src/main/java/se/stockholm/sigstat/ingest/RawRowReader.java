package se.stockholm.sigstat.ingest;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Iterator;
import java.util.List;
import org.apache.hadoop.io.LongWritable;
import org.apache.hadoop.io.Text;
import org.apache.hadoop.mapred.TextInputFormat;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.api.java.function.FlatMapFunction;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.sql.types.DataTypes;
import org.apache.spark.sql.types.StructField;
import org.apache.spark.sql.types.StructType;
import scala.Tuple2;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;

/**
 * Reads a delivery file into a Dataset of raw text fields, one row per non-blank data line, with
 * its line number. Lines are read as bytes by Spark and decoded on the executors, so a file of any
 * size is never held on the driver.
 */
public final class RawRowReader {
  /** Columns every raw row carries before the file's own columns. */
  public static final String DELIVERY_ID = "leverans_id";

  public static final String DISTRICT = "leverans_stadsdel";
  public static final String DELIVERY_DATE = "leveransdatum";
  public static final String LINE = "rad";
  public static final String PARSE_ERROR = "tolkningsfel";

  private RawRowReader() {}

  /**
   * The schema of raw rows of {@code spec}: metadata columns, then every declared column as text.
   */
  public static StructType rawSchema(FileSpec spec) {
    List<StructField> fields =
        new ArrayList<>(
            List.of(
                DataTypes.createStructField(DELIVERY_ID, DataTypes.StringType, false),
                DataTypes.createStructField(DISTRICT, DataTypes.StringType, false),
                DataTypes.createStructField(DELIVERY_DATE, DataTypes.DateType, false),
                DataTypes.createStructField(LINE, DataTypes.LongType, false),
                DataTypes.createStructField(PARSE_ERROR, DataTypes.StringType, true)));
    for (ColumnSpec c : spec.columns()) {
      fields.add(DataTypes.createStructField(c.name(), DataTypes.StringType, true));
    }
    return DataTypes.createStructType(fields);
  }

  /**
   * The raw rows of every file of the deliveries, one Dataset per file name. The deliveries are
   * unioned as RDDs, so the plan has one scan per file kind however many districts deliver.
   */
  public static java.util.Map<String, Dataset<Row>> readAll(
      SparkSession spark, List<DeliveryInspection> inspections) {
    java.util.Map<String, List<JavaRDD<Row>>> rdds = new java.util.LinkedHashMap<>();
    java.util.Map<String, FileSpec> specs = new java.util.HashMap<>();
    for (DeliveryInspection inspection : inspections) {
      for (java.util.Map.Entry<String, FileLayout> f : inspection.files().entrySet()) {
        rdds.computeIfAbsent(f.getKey(), k -> new ArrayList<>())
            .add(rows(spark, inspection.delivery(), f.getValue()));
        specs.put(f.getKey(), f.getValue().spec());
      }
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    java.util.Map<String, Dataset<Row>> raw = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, List<JavaRDD<Row>>> e : rdds.entrySet()) {
      @SuppressWarnings("unchecked")
      JavaRDD<Row> all =
          e.getValue().size() == 1
              ? e.getValue().get(0)
              : jsc.union(e.getValue().toArray(JavaRDD[]::new));
      raw.put(e.getKey(), spark.createDataFrame(all, rawSchema(specs.get(e.getKey()))));
    }
    return raw;
  }

  public static Dataset<Row> read(SparkSession spark, Delivery delivery, FileLayout layout) {
    return spark.createDataFrame(rows(spark, delivery, layout), rawSchema(layout.spec()));
  }

  private static JavaRDD<Row> rows(SparkSession spark, Delivery delivery, FileLayout layout) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // Text objects are reused by the record reader: copy the bytes before anything else.
    JavaRDD<byte[]> lines =
        jsc
            // One partition per block: zipWithIndex then needs no extra job for small files.
            .hadoopFile(layout.path(), TextInputFormat.class, LongWritable.class, Text.class, 1)
            .map(t -> Arrays.copyOf(t._2().getBytes(), t._2().getLength()));
    return lines
        .zipWithIndex()
        .flatMap(
            new LineParser(layout, delivery.id(), delivery.district(), delivery.deliveryDate()));
  }

  /** Decodes and splits one line; problems become the row's {@code tolkningsfel}, never errors. */
  static final class LineParser implements FlatMapFunction<Tuple2<byte[], Long>, Row> {
    private final FileLayout layout;
    private final String deliveryId;
    private final String district;
    private final java.time.LocalDate deliveryDate;

    LineParser(
        FileLayout layout, String deliveryId, String district, java.time.LocalDate deliveryDate) {
      this.layout = layout;
      this.deliveryId = deliveryId;
      this.district = district;
      this.deliveryDate = deliveryDate;
    }

    @Override
    public Iterator<Row> call(Tuple2<byte[], Long> t) {
      long index = t._2();
      if (index == 0) {
        return Collections.emptyIterator();
      }
      byte[] bytes = t._1();
      int n = layout.columnPositions().length;
      Object[] values = new Object[5 + n];
      values[0] = deliveryId;
      values[1] = district;
      values[2] = deliveryDate;
      values[3] = index + 1;
      String line;
      try {
        line =
            Charset.forName(layout.charset())
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(bytes))
                .toString();
      } catch (CharacterCodingException e) {
        values[4] =
            "raden innehåller tecken som inte är giltiga i filens teckenkodning ("
                + layout.charset()
                + ")";
        return List.of(RowFactory.create(values)).iterator();
      }
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        return Collections.emptyIterator();
      }
      List<String> fields = layout.dialect().split(line);
      if (fields == null) {
        values[4] = "ett citattecken avslutas inte på raden (radbrytning inom ett fält stöds inte)";
        return List.of(RowFactory.create(values)).iterator();
      }
      if (fields.size() != layout.headerWidth() && !onlyEmptyExtras(fields)) {
        values[4] =
            "raden har " + fields.size() + " fält men rubrikraden har " + layout.headerWidth();
        return List.of(RowFactory.create(values)).iterator();
      }
      for (int c = 0; c < n; c++) {
        int pos = layout.columnPositions()[c];
        String v = pos >= 0 && pos < fields.size() ? fields.get(pos) : null;
        values[5 + c] = v == null || v.isEmpty() ? null : v;
      }
      return List.of(RowFactory.create(values)).iterator();
    }

    private boolean onlyEmptyExtras(List<String> fields) {
      if (fields.size() < layout.headerWidth()) {
        return false;
      }
      for (int i = layout.headerWidth(); i < fields.size(); i++) {
        if (!fields.get(i).isEmpty()) {
          return false;
        }
      }
      return true;
    }
  }
}
