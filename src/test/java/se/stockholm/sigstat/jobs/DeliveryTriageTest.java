package se.stockholm.sigstat.jobs;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.ingest.Delivery;
import se.stockholm.sigstat.ingest.DeliveryFinder;
import se.stockholm.sigstat.ingest.DeliveryInspection;
import se.stockholm.sigstat.ingest.DeliveryStatus;
import se.stockholm.sigstat.validation.FileCounts;
import se.stockholm.sigstat.warehouse.DeliveryLog;

/** The pure parts of ingest: triage, rejection threshold and delivery log, without Spark. */
class DeliveryTriageTest {
  private static final Delivery FEB =
      new Delivery("FARSTA", LocalDate.of(2025, 2, 28), Path.of("leveranser/FARSTA/2025-02-28"));
  private static final Delivery JAN =
      new Delivery("FARSTA", LocalDate.of(2025, 1, 31), Path.of("leveranser/FARSTA/2025-01-31"));

  private static DeliveryInspection clean(Delivery d, String checksum) {
    return new DeliveryInspection(d, checksum, Map.of(), List.of(), List.of());
  }

  private static List<FileCounts> counts(long read, long rejected) {
    return List.of(new FileCounts(FEB.id(), "insatsperioder.csv", read, read - rejected, rejected));
  }

  @Test
  void theNewestDatedFolderIsTheDeliveryAndMisdatedOnesAreSetAside() {
    DeliveryFinder.Found odd = new DeliveryFinder.Found(JAN, "mappnamnet är inget datum", true);
    DeliveryTriage.Candidates c =
        DeliveryTriage.candidates(
            List.of(
                new DeliveryFinder.Found(FEB, null, false),
                new DeliveryFinder.Found(JAN, null, false),
                odd));
    assertThat(c.newest().delivery()).isEqualTo(FEB);
    assertThat(c.misdated()).containsExactly(odd);
    assertThat(DeliveryTriage.candidates(List.of(odd)).newest()).isNull();
  }

  @Test
  void aDeliveryWithTheLiveChecksumIsUnchangedAndANewOneIsRead() {
    assertThat(DeliveryTriage.decide(clean(FEB, "abc"), Optional.of("abc"), List.of()))
        .get()
        .extracting(DeliveryResult::status)
        .isEqualTo(DeliveryStatus.OFORANDRAD);
    assertThat(DeliveryTriage.decide(clean(FEB, "abc"), Optional.of("old"), List.of())).isEmpty();
    assertThat(DeliveryTriage.decide(clean(FEB, "abc"), Optional.empty(), List.of())).isEmpty();
  }

  @Test
  void aFileFaultRejectsTheWholeDeliveryAndGoesToTheLedger() {
    DeliveryInspection faulty =
        new DeliveryInspection(
            FEB,
            "abc",
            Map.of(),
            List.of(new DeliveryInspection.FileFault("bedomningar.csv", "filen saknas")),
            List.of());
    DeliveryResult r = DeliveryTriage.decide(faulty, Optional.of("abc"), List.of()).orElseThrow();
    assertThat(r.status()).isEqualTo(DeliveryStatus.AVVISAD);
    assertThat(r.reason()).isEqualTo("filen saknas");
    assertThat(DeliveryTriage.ledgerRows(faulty))
        .singleElement()
        .satisfies(e -> assertThat(e.fil()).isEqualTo("bedomningar.csv"));
  }

  @Test
  void theSameBytesRejectedForTheirRowsAreNotReadAgain() {
    DeliveryLog.Entry rejected =
        new DeliveryLog.Entry(
            FEB.label(),
            "FARSTA",
            "2025-02-28",
            "abc",
            DeliveryStatus.AVVISAD,
            "andelen avvisade rader 40,0 %",
            0.4,
            List.of(new DeliveryLog.FileEntry("insatsperioder.csv", 10, 6, 4)),
            "2025-03-01T00:00:00Z");
    DeliveryResult r =
        DeliveryTriage.decide(clean(FEB, "abc"), Optional.empty(), List.of(rejected)).orElseThrow();
    assertThat(r.status()).isEqualTo(DeliveryStatus.AVVISAD);
    assertThat(r.reason()).endsWith("(oförändrad sedan förra inläsningen)");
    assertThat(r.rejected()).isEqualTo(4);
    // Other bytes under the same name are read afresh.
    assertThat(DeliveryTriage.decide(clean(FEB, "new"), Optional.empty(), List.of(rejected)))
        .isEmpty();
  }

  @Test
  void theThresholdRejectsADeliveryAboveItsShareOfRejectedRows() {
    RejectionThreshold five = RejectionThreshold.percent(5);
    assertThat(five.judge(clean(FEB, "abc"), counts(100, 5)).status())
        .isEqualTo(DeliveryStatus.PUBLICERAD);
    DeliveryResult over = five.judge(clean(FEB, "abc"), counts(100, 6));
    assertThat(over.status()).isEqualTo(DeliveryStatus.AVVISAD);
    assertThat(over.reason())
        .isEqualTo(
            "andelen avvisade rader 6,0 % överstiger gränsen 5,0 %; föregående leverans gäller");
    assertThat(five.judge(clean(FEB, "abc"), counts(0, 0)).status())
        .isEqualTo(DeliveryStatus.PUBLICERAD);
  }

  @Test
  void theDeliveryLogGetsPublishedAndRejectedDeliveriesButNotUnchangedOnes() {
    Instant at = Instant.parse("2025-03-01T02:00:00Z");
    List<DeliveryLog.Entry> entries =
        DeliveryLogEntries.of(
            List.of(
                RejectionThreshold.percent(5).judge(clean(FEB, "abc"), counts(10, 0)),
                DeliveryTriage.decide(clean(JAN, "old"), Optional.of("old"), List.of())
                    .orElseThrow()),
            at);
    assertThat(entries)
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.status()).isEqualTo(DeliveryStatus.PUBLICERAD);
              assertThat(e.inlast()).isEqualTo("2025-03-01T02:00:00Z");
              assertThat(e.filer()).extracting(DeliveryLog.FileEntry::lasta).containsExactly(10L);
            });
  }
}
