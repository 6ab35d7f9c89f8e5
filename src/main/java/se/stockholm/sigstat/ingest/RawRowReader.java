package se.stockholm.sigstat.ingest;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CodingErrorAction;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import org.apache.spark.TaskContext;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.apache.spark.util.TaskCompletionListener;
import se.stockholm.sigstat.spark.DeliveryPartitions;

/**
 * Reads delivery files into raw text fields, one row per non-blank data line, with its line number
 * ({@link #rows}), or only a few columns of each line ({@link #scanColumns}). Spark holds the files
 * each task reads ({@link RawRows}); the tasks read and decode them line by line, so a file of any
 * size is never held on the driver or in memory.
 */
public final class RawRowReader {
  /**
   * Where a raw row's file columns start. Before them: the delivery's id, its district, its date,
   * the line number, and the parse error (null if the line parsed); then each declared column of
   * the file as text, null where empty.
   */
  public static final int FIELDS_FROM = 5;

  private RawRowReader() {}

  /**
   * {@link #readAll(SparkSession, List, int)} with as many partitions as deliveries (one delivery,
   * as the validate command reads, is then one partition: its row rules run on one core).
   */
  public static RawRows readAll(SparkSession spark, List<DeliveryInspection> inspections) {
    return readAll(spark, inspections, Math.max(1, inspections.size()));
  }

  /**
   * The files of the deliveries to read, one RDD per file name, with each delivery's district. All
   * files of one kind are read by one Spark stage with the delivery as a column, so the plan and
   * its cost do not grow with the number of districts that deliver. Each of the {@code partitions}
   * tasks reads the files of the deliveries that Spark's hash partitioning by delivery id puts in
   * its partition ({@link #rows}): the rows arrive spread by delivery without an exchange. They
   * stay plain rows until the row rules have run: Spark's own row format is made once, from the
   * validated rows.
   */
  public static RawRows readAll(
      SparkSession spark, List<DeliveryInspection> inspections, int partitions) {
    java.util.Map<String, List<SourceFile>> byKind = new java.util.LinkedHashMap<>();
    java.util.Map<String, String> districts = new java.util.HashMap<>();
    for (DeliveryInspection inspection : inspections) {
      districts.put(inspection.delivery().id(), inspection.delivery().district());
      for (java.util.Map.Entry<String, FileLayout> f : inspection.files().entrySet()) {
        byKind
            .computeIfAbsent(f.getKey(), k -> new ArrayList<>())
            .add(new SourceFile(inspection.delivery(), f.getValue()));
      }
    }
    java.util.Map<String, JavaRDD<List<SourceFile>>> files = new java.util.LinkedHashMap<>();
    for (java.util.Map.Entry<String, List<SourceFile>> e : byKind.entrySet()) {
      files.put(e.getKey(), spreadByDelivery(spark, e.getValue(), partitions));
    }
    return new RawRows(files, districts);
  }

  /** The files in {@code partitions} partitions, each file where its delivery belongs. */
  private static JavaRDD<List<SourceFile>> spreadByDelivery(
      SparkSession spark, List<SourceFile> files, int partitions) {
    List<List<SourceFile>> byPartition = new ArrayList<>();
    for (int p = 0; p < partitions; p++) {
      byPartition.add(new ArrayList<>());
    }
    for (SourceFile f : files) {
      byPartition.get(DeliveryPartitions.partitionOf(f.deliveryId(), partitions)).add(f);
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    // As many elements as slices: parallelize puts element p in partition p.
    return jsc.parallelize(byPartition, partitions);
  }

  /** One file as {@link RawRows} holds it: one partition. */
  public static JavaRDD<List<SourceFile>> file(
      SparkSession spark, Delivery delivery, FileLayout layout) {
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    return jsc.parallelize(List.of(List.of(new SourceFile(delivery, layout))), 1);
  }

  /** One file to read and the delivery it belongs to; read where the task runs. */
  public record SourceFile(
      String deliveryId, String district, java.time.LocalDate deliveryDate, FileLayout layout)
      implements java.io.Serializable {
    SourceFile(Delivery delivery, FileLayout layout) {
      this(delivery.id(), delivery.district(), delivery.deliveryDate(), layout);
    }
  }

  /**
   * Reads a few columns of the files' data lines ({@code columns} index the file's declared
   * columns), giving each line's values as its raw row would hold them (trimmed text, null where
   * empty) to {@code visitor}, in one array the visitor must not keep. Lines that would be no row
   * (blank) or a row with a parse error are skipped. Most lines are split as bytes, without
   * decoding the line or making a row.
   */
  public static void scanColumns(List<SourceFile> files, int[] columns, ColumnVisitor visitor) {
    for (SourceFile file : files) {
      try {
        ColumnScan.scan(file, columns, visitor);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /** Receives the values of the scanned columns of one data line. */
  public interface ColumnVisitor {
    void line(SourceFile file, String[] values);
  }

  /** The raw rows of the files (laid out as {@link #FIELDS_FROM} says), one after another. */
  public static Iterator<Row> rows(List<SourceFile> files) {
    Iterator<SourceFile> each = files.iterator();
    return new Iterator<>() {
      private Iterator<Row> current = java.util.Collections.emptyIterator();

      @Override
      public boolean hasNext() {
        while (!current.hasNext() && each.hasNext()) {
          try {
            current = linesOf(each.next());
          } catch (IOException e) {
            throw new UncheckedIOException(e);
          }
        }
        return current.hasNext();
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        return current.next();
      }
    };
  }

  /** The file's raw rows, read line by line as the rows are consumed. */
  private static Iterator<Row> linesOf(SourceFile file) throws IOException {
    LineParser parser =
        new LineParser(file.layout(), file.deliveryId(), file.district(), file.deliveryDate());
    ByteLines lines = new ByteLines(Files.newInputStream(Path.of(file.layout().path())));
    TaskContext task = TaskContext.get();
    if (task != null) {
      // A task that stops early (a failure, a limit) must not leave the file open.
      task.addTaskCompletionListener(
          (TaskCompletionListener)
              context -> {
                try {
                  lines.close();
                } catch (IOException e) {
                  throw new UncheckedIOException(e);
                }
              });
    }
    return new Iterator<>() {
      private long index = -1;
      private Row next;

      @Override
      public boolean hasNext() {
        while (next == null && lines.hasNext()) {
          next = parser.parse(lines.next(), ++index);
        }
        return next != null;
      }

      @Override
      public Row next() {
        if (!hasNext()) {
          throw new java.util.NoSuchElementException();
        }
        Row r = next;
        next = null;
        return r;
      }
    };
  }

  /** Decodes and splits one line; problems become the row's {@code tolkningsfel}, never errors. */
  static final class LineParser implements java.io.Serializable {
    private final FileLayout layout;
    private final String deliveryId;
    private final String district;
    private final java.time.LocalDate deliveryDate;
    private transient CharsetDecoder decoder;

    LineParser(
        FileLayout layout, String deliveryId, String district, java.time.LocalDate deliveryDate) {
      this.layout = layout;
      this.deliveryId = deliveryId;
      this.district = district;
      this.deliveryDate = deliveryDate;
    }

    /** The raw row of line {@code index} (0 is the header), or null for the header or a blank. */
    Row parse(byte[] bytes, long index) {
      if (index == 0) {
        return null;
      }
      int n = layout.columnPositions().length;
      Object[] values = new Object[FIELDS_FROM + n];
      values[0] = deliveryId;
      values[1] = district;
      values[2] = deliveryDate;
      values[3] = index + 1;
      String line;
      try {
        line = decoder().decode(ByteBuffer.wrap(bytes)).toString();
      } catch (CharacterCodingException e) {
        values[4] =
            "raden innehåller tecken som inte är giltiga i filens teckenkodning ("
                + layout.charset()
                + ")";
        return RowFactory.create(values);
      }
      if (line.endsWith("\r")) {
        line = line.substring(0, line.length() - 1);
      }
      if (line.isBlank()) {
        return null;
      }
      List<String> fields = layout.dialect().split(line);
      if (fields == null) {
        values[4] = "ett citattecken avslutas inte på raden (radbrytning inom ett fält stöds inte)";
        return RowFactory.create(values);
      }
      if (fields.size() != layout.headerWidth() && !onlyEmptyExtras(fields)) {
        values[4] =
            "raden har " + fields.size() + " fält men rubrikraden har " + layout.headerWidth();
        return RowFactory.create(values);
      }
      for (int c = 0; c < n; c++) {
        int pos = layout.columnPositions()[c];
        String v = pos >= 0 && pos < fields.size() ? fields.get(pos) : null;
        values[FIELDS_FROM + c] = v == null || v.isEmpty() ? null : v;
      }
      return RowFactory.create(values);
    }

    /** One strict decoder per file (decode() resets it before each line). */
    private CharsetDecoder decoder() {
      if (decoder == null) {
        decoder =
            Charset.forName(layout.charset())
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
      }
      return decoder;
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
