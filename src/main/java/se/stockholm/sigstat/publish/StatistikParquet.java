package se.stockholm.sigstat.publish;

import static org.apache.parquet.schema.LogicalTypeAnnotation.dateType;
import static org.apache.parquet.schema.LogicalTypeAnnotation.stringType;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BINARY;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.BOOLEAN;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.DOUBLE;
import static org.apache.parquet.schema.PrimitiveType.PrimitiveTypeName.INT32;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import org.apache.parquet.example.data.Group;
import org.apache.parquet.example.data.simple.SimpleGroupFactory;
import org.apache.parquet.hadoop.ParquetWriter;
import org.apache.parquet.hadoop.example.ExampleParquetWriter;
import org.apache.parquet.hadoop.metadata.CompressionCodecName;
import org.apache.parquet.io.LocalOutputFile;
import org.apache.parquet.schema.MessageType;
import org.apache.parquet.schema.Types;
import se.stockholm.sigstat.aggregation.CellKey;
import se.stockholm.sigstat.disclosure.ProtectedCell;
import se.stockholm.sigstat.disclosure.ProtectedTable;
import se.stockholm.sigstat.model.ReportingPeriod;

/**
 * statistik.parquet written straight from the driver, where the protected table already is: one
 * file in a folder Spark, DuckDB and pandas read alike. A Spark job for a table of this size cost
 * seconds of task overhead and left dozens of tiny files.
 */
final class StatistikParquet {
  static final String FILE = "part-00000.snappy.parquet";

  private static final MessageType SCHEMA = schema();

  private StatistikParquet() {}

  private static MessageType schema() {
    Types.MessageTypeBuilder b = Types.buildMessage();
    for (String c : StatistikFiles.COLUMNS) {
      switch (c) {
        case "period_start", "period_slut", "indelning" ->
            b.required(INT32).as(dateType()).named(c);
        case "varde", "taljare", "namnare", "ki_lag", "ki_hog" -> b.optional(DOUBLE).named(c);
        case "preliminar" -> b.required(BOOLEAN).named(c);
        default -> b.required(BINARY).as(stringType()).named(c);
      }
    }
    return b.named("statistik");
  }

  /** Writes {@code folder/part-00000.snappy.parquet}; the folder must not exist yet. */
  static void write(ProtectedTable table, Path folder) throws IOException {
    Files.createDirectories(folder);
    SimpleGroupFactory groups = new SimpleGroupFactory(SCHEMA);
    try (ParquetWriter<Group> w =
        ExampleParquetWriter.builder(new LocalOutputFile(folder.resolve(FILE)))
            .withType(SCHEMA)
            .withCompressionCodec(CompressionCodecName.SNAPPY)
            .build()) {
      for (ProtectedCell c : table.cells()) {
        ReportingPeriod p = table.periods().get(c.key().period());
        CellKey k = c.key();
        Group g =
            groups
                .newGroup()
                .append("period", k.period())
                .append("period_start", epochDay(p.start()))
                .append("period_slut", epochDay(p.end()))
                .append("indelning", epochDay(table.indelning()))
                .append("matt", k.measure())
                .append("kategori", k.category())
                .append("stadsdel", k.district())
                .append("verksamhet", k.activity())
                .append("kon", k.gender())
                .append("aldersgrupp", k.ageBand());
        appendIfPresent(g, "varde", c.value());
        appendIfPresent(g, "taljare", c.numerator());
        appendIfPresent(g, "namnare", c.denominator());
        appendIfPresent(g, "ki_lag", c.low());
        appendIfPresent(g, "ki_hog", c.high());
        g.append("status", c.status().code());
        g.append("preliminar", p.preliminary());
        w.write(g);
      }
    }
  }

  private static int epochDay(LocalDate d) {
    return (int) d.toEpochDay();
  }

  private static void appendIfPresent(Group g, String field, Double value) {
    if (value != null && !value.isNaN()) {
      g.append(field, value);
    }
  }
}
