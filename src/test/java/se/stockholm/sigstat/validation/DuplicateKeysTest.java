package se.stockholm.sigstat.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Random;
import java.util.Set;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.api.java.JavaSparkContext;
import org.apache.spark.sql.Dataset;
import org.apache.spark.sql.Row;
import org.apache.spark.sql.RowFactory;
import org.apache.spark.sql.SparkSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryInspector;
import se.stockholm.sigstat.ingest.RawRowReader;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;
import se.stockholm.sigstat.model.schema.SparkSchemas;
import se.stockholm.sigstat.spark.CatalystRows;
import se.stockholm.sigstat.testing.DeliveryBuilder;
import se.stockholm.sigstat.testing.SharedSpark;

/**
 * The duplicate-key rule within the validating tasks: hand-made cases, and row-for-row agreement
 * with the Spark SQL window it replaced ({@link DuplicateKeysInSql}) on files full of repeated keys
 * written in every form the row rules accept.
 */
@ExtendWith(SharedSpark.class)
class DuplicateKeysTest {
  private static final FollowUpModel MODEL = DataSchemaLoader.load();
  private static final FileSpec ASSESSMENTS = MODEL.deliveryFile("bedomningar");

  /** A validated assessment row (RowValidator's layout). */
  private static Row assessment(String delivery, long line, Object... columnsAndReason) {
    Object[] v = new Object[4 + ASSESSMENTS.columns().size() + 3];
    v[0] = delivery;
    v[1] = "FARSTA";
    v[2] = LocalDate.parse("2025-03-31");
    v[3] = line;
    System.arraycopy(columnsAndReason, 0, v, 4, columnsAndReason.length);
    return RowFactory.create(v);
  }

  private static final LocalDate D = LocalDate.parse("2024-03-11");

  @Test
  void aKeyTwiceInADeliveryRejectsBothRowsNamingTheKeyAndLines() {
    DuplicateKeys rule = new DuplicateKeys(ASSESSMENTS, 4);
    List<Row> out =
        rule.rejectRepeated(
            List.of(
                assessment("L1", 7, "P1", "INSKRIVNING", D, "BOENDE", 2, null),
                assessment("L1", 3, "P1", "INSKRIVNING", D, "BOENDE", 3, null),
                assessment("L2", 4, "P1", "INSKRIVNING", D, "BOENDE", 3, null),
                assessment("L1", 5, "P1", "INSKRIVNING", D.plusDays(1), "BOENDE", 3, null)));
    String reason =
        "dubblett: nyckeln (P1, INSKRIVNING, BOENDE, 2024-03-11) förekommer 2 gånger i"
            + " bedomningar.csv (rad 3, 7)";
    assertThat(out).extracting(r -> r.getString(12)).containsExactly(reason, reason, null, null);
    assertThat(out)
        .extracting(r -> r.getString(10))
        .containsExactly("period_id", "period_id", null, null);
    assertThat(out).extracting(r -> r.getString(11)).containsExactly("P1", "P1", null, null);
  }

  @Test
  void rowsRejectedBeforeKeepTheirReasonButCountAndMissingKeysNeverRepeat() {
    DuplicateKeys rule = new DuplicateKeys(ASSESSMENTS, 4);
    List<Row> rows = new ArrayList<>();
    for (int i = 1; i <= 12; i++) {
      rows.add(assessment("L1", 100 - i, "P1", "INSKRIVNING", D, "BOENDE", 2, null));
    }
    rows.add(
        assessment(
            "L1", 2, "P1", "INSKRIVNING", D, "BOENDE", 9, null, "skattning", "9", "utanför"));
    rows.add(assessment("L1", 200, "P1", null, D, "BOENDE", null, null));
    rows.add(assessment("L1", 201, "P1", null, D, "BOENDE", null, null));
    List<Row> out = rule.rejectRepeated(rows);
    assertThat(out.get(0).getString(12))
        .isEqualTo(
            "dubblett: nyckeln (P1, INSKRIVNING, BOENDE, 2024-03-11) förekommer 13 gånger i"
                + " bedomningar.csv (rad 2, 88, 89, 90, 91, 92, 93, 94, 95, 96)");
    assertThat(out.get(12).getString(12)).isEqualTo("utanför");
    assertThat(out.get(13).isNullAt(12)).isTrue();
    assertThat(out.get(14).isNullAt(12)).isTrue();
  }

  @Test
  void repeatedFingerprintsAreThoseSeenMoreThanOnce() {
    RepeatedKeys keys = RepeatedKeys.of(new long[] {5, 3, 9, 5, 3, 5, 1, 0}, 7);
    assertThat(keys.contains(5)).isTrue();
    assertThat(keys.contains(3)).isTrue();
    assertThat(keys.contains(9)).isFalse();
    assertThat(keys.contains(1)).isFalse();
    assertThat(RepeatedKeys.of(new long[] {1, 2, 3}, 3).isEmpty()).isTrue();
  }

  /** Texts in key order: period_id, mattillfalle, livsomrade, datum. */
  @Test
  void aKeyWrittenInAnyAcceptedFormHasTheFingerprintOfItsValue() {
    KeyFingerprint f = new KeyFingerprint(ASSESSMENTS);
    LocalDate delivered = LocalDate.parse("2025-03-31");
    Row value = assessment("L1", 2, "P1", "INSKRIVNING", D, "BOENDE", 2, null);
    long fromValue = f.ofValues(value, 4);
    for (String[] texts :
        List.of(
            new String[] {"P1", "INSKRIVNING", "BOENDE", "2024-03-11"},
            new String[] {"P1", "inskrivning", "Boende", "20240311"},
            new String[] {"P1", " Inskrivning ", "BOENDE ", " 2024-03-11"})) {
      assertThat(f.ofTexts("L1", delivered, texts)).isEqualTo(fromValue);
    }
    assertThat(
            f.ofTexts("L2", delivered, new String[] {"P1", "INSKRIVNING", "BOENDE", "2024-03-11"}))
        .isNotEqualTo(fromValue);
    assertThat(
            f.ofTexts("L1", delivered, new String[] {"P1", "INSKRIVNING", "BOENDE", "2024-02-30"}))
        .isEqualTo(KeyFingerprint.NONE);
    assertThat(f.ofTexts("L1", delivered, new String[] {"P1", null, "BOENDE", "2024-03-11"}))
        .isEqualTo(KeyFingerprint.NONE);
    FileSpec resources = MODEL.deliveryFile("resurser");
    KeyFingerprint r = new KeyFingerprint(resources);
    long plain = r.ofTexts("L1", delivered, new String[] {"2024", "SIG_UNGA"});
    for (String year : List.of("+2024", "02024", " 2024", "2\u00a0024", "2 024")) {
      assertThat(r.ofTexts("L1", delivered, new String[] {year, "sig_unga"})).isEqualTo(plain);
    }
  }

  /**
   * Files whose keys repeat in every accepted spelling, with rows the other rules reject, quoted
   * and non-ASCII lines, in two deliveries read by one task: the rule in the tasks and the SQL
   * window reject the same rows for the same reasons.
   */
  @Test
  void agreesRowForRowWithTheSqlWindowItReplaced(SparkSession spark, @TempDir Path root)
      throws IOException {
    Random random = new Random(20261207);
    List<String> lines = new ArrayList<>();
    String[] ids = {"P1", "P2", "P3", " P2", "P\u00f61", "\"P1\"", "", "P" + "x".repeat(70)};
    String[] occasions = {"INSKRIVNING", " inskrivning", "Uppfoljning", "UPPFOLJNING", "BOGUS", ""};
    String[] dates = {"2024-03-11", "20240311", "2024-03-12", "2024-02-30", ""};
    String[] domains = {"BOENDE", "boende", "FORSORJNING", "\"BOENDE\""};
    String[] ratings = {"1", "2", "4", "9", "x", ""};
    for (int i = 0; i < 400; i++) {
      lines.add(
          String.join(
              ";",
              pick(random, ids),
              pick(random, occasions),
              pick(random, dates),
              pick(random, domains),
              pick(random, ratings),
              "HANDLAGGARE"));
    }
    List<RawRowReader.SourceFile> files = new ArrayList<>();
    for (String district : List.of("FARSTA", "SKARHOLMEN")) {
      DeliveryBuilder b = DeliveryBuilder.minimal(root, district, "2025-03-31");
      lines.forEach(b::assessment);
      Path dir = b.write();
      DeliveryInspection inspection =
          new DeliveryInspector(MODEL)
              .inspect(new Delivery(district, LocalDate.parse("2025-03-31"), dir), null);
      Delivery d = inspection.delivery();
      files.add(
          new RawRowReader.SourceFile(
              d.id(), d.district(), d.deliveryDate(), inspection.files().get("bedomningar")));
    }
    JavaSparkContext jsc = JavaSparkContext.fromSparkContext(spark.sparkContext());
    RowValidator validator = new RowValidator(ASSESSMENTS, RowRules.forFile(ASSESSMENTS, MODEL));

    Set<List<Object>> streamed =
        rejections(validator.validate(spark, jsc.parallelize(List.of(files), 1)));

    List<Row> validated = new ArrayList<>();
    RawRowReader.rows(files).forEachRemaining(raw -> validated.add(validator.call(raw)));
    JavaRDD<Row> rows = jsc.parallelize(validated, 1);
    Set<List<Object>> inSql =
        rejections(
            DuplicateKeysInSql.rejectDuplicateKeys(
                CatalystRows.dataFrame(spark, rows, SparkSchemas.validated(ASSESSMENTS)),
                ASSESSMENTS));

    assertThat(streamed).isEqualTo(inSql);
    assertThat(inSql.stream().filter(r -> String.valueOf(r.get(4)).startsWith("dubblett")))
        .as("the files hold duplicates in both deliveries")
        .hasSizeGreaterThan(100);
  }

  private static String pick(Random random, String[] values) {
    return values[random.nextInt(values.length)];
  }

  private static Set<List<Object>> rejections(Dataset<Row> validated) {
    Set<List<Object>> result = new HashSet<>();
    for (Row r : validated.collectAsList()) {
      result.add(
          java.util.Arrays.asList(
              r.getAs(SparkSchemas.DELIVERY_ID),
              r.getAs(SparkSchemas.LINE),
              r.getAs(SparkSchemas.REJECT_COLUMN),
              r.getAs(SparkSchemas.REJECT_VALUE),
              r.getAs(SparkSchemas.REJECT_REASON)));
    }
    return result;
  }
}
