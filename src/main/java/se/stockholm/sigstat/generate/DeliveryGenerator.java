package se.stockholm.sigstat.generate;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeMap;
import se.stockholm.sigstat.failure.ConfigurationException;
import se.stockholm.sigstat.ingest.Personnummer;
import se.stockholm.sigstat.model.District;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.LifeDomain;

/**
 * Synthetic deliveries in the exact delivery format, for every district, deterministic for a given
 * seed and as-of date: mostly men among participants and mostly women among relatives, ages by
 * verksamhet, people moving between districts, historical snapshots of merged districts, ratings
 * that improve for many and worsen for some, and (on request) planted faults of every kind the
 * validator knows.
 */
public final class DeliveryGenerator {
  /** Relative size of each district of the 14-district structure (SIG case load). */
  private static final Map<String, Double> BASE_WEIGHT =
      Map.ofEntries(
          Map.entry("RINKEBY_KISTA", 14.0),
          Map.entry("SPANGA_TENSTA", 9.0),
          Map.entry("HASSELBY_VALLINGBY", 8.0),
          Map.entry("BROMMA", 5.0),
          Map.entry("KUNGSHOLMEN", 3.0),
          Map.entry("NORRMALM", 3.0),
          Map.entry("OSTERMALM", 2.0),
          Map.entry("SODERMALM", 6.0),
          Map.entry("ENSKEDE_ARSTA_VANTOR", 10.0),
          Map.entry("SKARPNACK", 6.0),
          Map.entry("FARSTA", 7.0),
          Map.entry("ALVSJO", 2.0),
          Map.entry("HAGERSTEN_LILJEHOLMEN", 5.0),
          Map.entry("SKARHOLMEN", 8.0));

  /** Settings of one generation. */
  public record Options(int persons, long seed, LocalDate asOf, double faultRate) {
    public Options {
      if (persons < 1) {
        throw new ConfigurationException("--persons ska vara minst 1, inte " + persons);
      }
      if (faultRate < 0 || faultRate > 0.5) {
        throw new ConfigurationException("--faults ska vara mellan 0 och 0,5, inte " + faultRate);
      }
    }
  }

  /** What was written: deliveries, rows per file, and planted faults by kind. */
  public record Summary(
      List<String> deliveries,
      Map<String, Long> rowsPerFile,
      Map<FaultKind, Long> faults,
      Path befolkning) {
    public long totalFaults() {
      return faults.values().stream().mapToLong(Long::longValue).sum();
    }
  }

  private final FollowUpModel model;
  private final Options options;
  private final Random rnd;
  private final LocalDate historyStart;
  private final Map<String, Double> weights = new LinkedHashMap<>();
  private final Map<String, DeliveryFiles> deliveries = new TreeMap<>();
  private final Set<String> usedPnr = new HashSet<>();
  private final Map<FaultKind, Long> faults = new EnumMap<>(FaultKind.class);
  private long episodeSeq;
  private long caseSeq;

  public DeliveryGenerator(FollowUpModel model, Options options) {
    this.model = model;
    this.options = options;
    this.rnd = new Random(options.seed());
    this.historyStart = LocalDate.of(options.asOf().getYear() - 6, 1, 1);
    for (District d : model.districts().all()) {
      weights.put(d.code(), weightOf(d.code()));
    }
  }

  private double weightOf(String code) {
    Double base = BASE_WEIGHT.get(code);
    if (base != null) {
      return base;
    }
    double sum = 0;
    for (District p : model.districts().all()) {
      if (code.equals(p.successor())) {
        sum += weightOf(p.code());
      }
    }
    return sum == 0 ? 3.0 : sum;
  }

  /** Writes {@code out/leveranser/<stadsdel>/<datum>/*.csv} and {@code out/befolkning.csv}. */
  public Summary generate(Path out) throws IOException {
    Path leveranser = out.resolve("leveranser");
    currentRoot = leveranser;
    try {
      for (int p = 0; p < options.persons(); p++) {
        person();
      }
      int relatives = Math.max(1, (int) Math.round(options.persons() * 0.25));
      for (int r = 0; r < relatives; r++) {
        relative();
      }
      for (District d : model.districts().all()) {
        if (deliveryDate(d) != null) {
          resources(files(leveranser, d));
        }
      }
    } finally {
      for (DeliveryFiles f : deliveries.values()) {
        f.close();
      }
    }
    Map<String, Long> rows = new TreeMap<>();
    for (DeliveryFiles f : deliveries.values()) {
      f.rowCounts().forEach((k, v) -> rows.merge(k, v, Long::sum));
    }
    Path befolkning =
        new PopulationWriter(model, weights)
            .write(out.resolve("befolkning.csv"), historyStart.getYear(), options.asOf());
    List<String> labels = new ArrayList<>();
    deliveries.values().forEach(f -> labels.add(f.label()));
    return new Summary(labels, rows, faults, befolkning);
  }

  // ---- persons and episodes -------------------------------------------------------------

  private void person() throws IOException {
    String kon = pick(new String[] {"M", "K", "X", ""}, new double[] {82, 15, 1, 2});
    String verksamhet =
        pick(new String[] {"SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE"}, new double[] {35, 50, 15});
    LocalDate start = randomDate(historyStart, options.asOf().minusDays(7));
    int age =
        switch (verksamhet) {
          case "SIG_UNGA" -> 13 + rnd.nextInt(5);
          case "SIG_UNGA_VUXNA" -> 18 + rnd.nextInt(12);
          default -> 18 + rnd.nextInt(18);
        };
    LocalDate birth = start.minusYears(age).minusDays(rnd.nextInt(365));
    String pnr = newPersonnummer(birth, kon);
    String district = pickDistrict(start);
    int episodes = rnd.nextDouble() < 0.75 ? 1 : rnd.nextDouble() < 0.8 ? 2 : 3;
    for (int e = 0; e < episodes && !start.isAfter(options.asOf().minusDays(7)); e++) {
      int length = 30 + (int) (-Math.log(1 - rnd.nextDouble()) * 300);
      LocalDate end = start.plusDays(length);
      if (end.isAfter(options.asOf())) {
        end = null;
      }
      int ageNow = (int) ChronoUnit.YEARS.between(birth, start);
      String v = verksamhet.equals("SIG_UNGA") && ageNow >= 18 ? "SIG_UNGA_VUXNA" : verksamhet;
      episode(pnr, birth, kon, v, district, start, end, null);
      if (end == null) {
        break;
      }
      start = end.plusDays(30 + rnd.nextInt(400));
      if (rnd.nextDouble() < 0.2) {
        district = pickDistrict(start);
      }
    }
  }

  /** Places an episode in the delivery of its district, splitting it at a district merger. */
  private void episode(
      String pnr,
      LocalDate birth,
      String kon,
      String verksamhet,
      String districtCode,
      LocalDate start,
      LocalDate end,
      String forcedReason)
      throws IOException {
    District d = model.districts().find(districtCode).orElseThrow();
    if (d.validTo() != null && start.isAfter(d.validTo())) {
      episode(pnr, birth, kon, verksamhet, d.successor(), start, end, forcedReason);
      return;
    }
    if (d.validTo() != null && (end == null || end.isAfter(d.validTo()))) {
      // The old district's record is closed at the merger and the successor takes over.
      writeEpisode(pnr, birth, kon, verksamhet, d, start, d.validTo(), "OVERFORD");
      episode(
          pnr, birth, kon, verksamhet, d.successor(), d.validTo().plusDays(1), end, forcedReason);
      return;
    }
    writeEpisode(pnr, birth, kon, verksamhet, d, start, end, forcedReason);
  }

  private void writeEpisode(
      String pnr,
      LocalDate birth,
      String kon,
      String verksamhet,
      District d,
      LocalDate start,
      LocalDate end,
      String forcedReason)
      throws IOException {
    DeliveryFiles files = files(null, d);
    LocalDate snapshot = deliveryDate(d);
    String periodId = String.format("P%07d", ++episodeSeq);
    Map<String, String> v = new HashMap<>();
    v.put("period_id", periodId);
    identity(v, files, pnr, birth);
    v.put("kon", kon);
    v.put("verksamhet", verksamhet);
    v.put("inskrivningsdatum", start.toString());
    String reason = null;
    if (end != null) {
      reason =
          forcedReason != null
              ? forcedReason
              : pick(
                  new String[] {
                    "PLANERAT",
                    "AVBRUTET",
                    "FLYTT",
                    "FRIHETSBERAVAD",
                    "PLACERAD",
                    "OVERFORD",
                    "AVLIDEN",
                    "OKANT"
                  },
                  new double[] {45, 20, 8, 10, 7, 5, 1, 4});
      v.put("avslutsdatum", end.toString());
      v.put("avslutsorsak", reason);
    }
    if (rnd.nextDouble() < 0.8) {
      v.put(
          "remitterad_fran",
          pick(
              new String[] {"SOCIALTJANST", "POLIS", "KRIMINALVARD", "SKOLA", "EGEN", "OVRIG"},
              new double[] {40, 25, 12, 10, 8, 5}));
    }
    boolean faulty = plantEpisodeFault(v, files, snapshot);
    files.write("insatsperioder", v);
    files.lastPeriodId = faulty ? files.lastPeriodId : periodId;
    assessments(files, periodId, start, end, snapshot);
    interventions(files, periodId, start, end, snapshot);
  }

  private void identity(Map<String, String> v, DeliveryFiles files, String pnr, LocalDate birth) {
    if (files.style.personRefOnly()) {
      v.put("person_ref", personRef(pnr));
      v.put("fodelsedatum", birth.toString());
    } else {
      v.put("personnummer", formatPnr(pnr));
    }
  }

  private void assessments(
      DeliveryFiles files, String periodId, LocalDate start, LocalDate end, LocalDate snapshot)
      throws IOException {
    LocalDate last = end != null ? end : snapshot;
    double trend = pickDouble(new double[] {1, 0, -1}, new double[] {55, 30, 15});
    List<String[]> occasions = new ArrayList<>();
    LocalDate first = minDate(start.plusDays(rnd.nextInt(15)), last);
    occasions.add(new String[] {"INSKRIVNING", first.toString()});
    for (LocalDate f = start.plusDays(180); f.isBefore(last); f = f.plusDays(180)) {
      occasions.add(new String[] {"UPPFOLJNING", f.toString()});
    }
    if (end != null && rnd.nextDouble() < 0.75) {
      occasions.add(new String[] {"AVSLUT", end.toString()});
    }
    if (end != null && rnd.nextDouble() < 0.25 && !end.plusDays(180).isAfter(snapshot)) {
      occasions.add(new String[] {"EFTER_AVSLUT", end.plusDays(180).toString()});
    }
    for (LifeDomain domain : model.lifeDomains()) {
      int span = domain.max() - domain.min();
      // Baselines lean towards the worse end of the scale.
      int rating =
          domain.higherIsBetter()
              ? domain.min() + rnd.nextInt(span)
              : domain.max() - (span == 1 ? (rnd.nextDouble() < 0.6 ? 0 : 1) : rnd.nextInt(span));
      for (String[] occasion : occasions) {
        Map<String, String> v = new HashMap<>();
        v.put("period_id", periodId);
        v.put("mattillfalle", occasion[0]);
        v.put("datum", occasion[1]);
        v.put("livsomrade", domain.code());
        if (rnd.nextDouble() >= 0.06) {
          v.put("skattning", Integer.toString(rating));
        }
        v.put("skattad_av", rnd.nextDouble() < 0.7 ? "HANDLAGGARE" : "KLIENT");
        plantAssessmentFault(v, files, domain);
        files.write("bedomningar", v);
        if (rnd.nextDouble() < 0.5) {
          int step = (int) trend * domain.direction();
          rating = Math.max(domain.min(), Math.min(domain.max(), rating + step));
        }
      }
    }
  }

  private void interventions(
      DeliveryFiles files, String periodId, LocalDate start, LocalDate end, LocalDate snapshot)
      throws IOException {
    int n = 1 + rnd.nextInt(4);
    LocalDate last = end != null ? end : snapshot;
    for (int i = 0; i < n; i++) {
      Map<String, String> v = new HashMap<>();
      v.put("period_id", periodId);
      v.put(
          "insatstyp",
          pick(
              new String[] {
                "LOTS",
                "BEHANDLING",
                "ARBETSMARKNAD",
                "STUDIER",
                "BOENDE",
                "EKONOMISKT_BISTAND",
                "MISSBRUKSBEHANDLING",
                "PSYKIATRI",
                "SKYDD",
                "FRITID",
                "OVRIG"
              },
              new double[] {30, 12, 14, 10, 6, 8, 6, 4, 3, 5, 2}));
      LocalDate s = minDate(start.plusDays(rnd.nextInt(60)), last);
      v.put("startdatum", s.toString());
      LocalDate e = s.plusDays(30 + rnd.nextInt(335));
      if (end != null || e.isBefore(snapshot)) {
        v.put("slutdatum", minDate(e, last).toString());
      }
      v.put(
          "utforare",
          pick(
              new String[] {
                "SOCIALTJANST",
                "POLIS",
                "SKOLA",
                "ARBETSFORMEDLING",
                "KRIMINALVARD",
                "REGION",
                "IDEELL",
                "OVRIG"
              },
              new double[] {45, 5, 10, 12, 6, 8, 10, 4}));
      if (rnd.nextDouble() < 0.85) {
        v.put("timmar", decimal(2 + rnd.nextInt(1500) / 10.0, files.style));
      }
      plantInterventionFault(v, files);
      files.write("insatser", v);
    }
  }

  private void relative() throws IOException {
    String kon = pick(new String[] {"K", "M", "X", ""}, new double[] {72, 26, 1, 1});
    LocalDate start = randomDate(historyStart, options.asOf().minusDays(7));
    LocalDate birth = start.minusYears(18 + rnd.nextInt(52)).minusDays(rnd.nextInt(365));
    String pnr = newPersonnummer(birth, kon);
    District d = model.districts().find(pickDistrict(start)).orElseThrow();
    DeliveryFiles files = files(null, d);
    LocalDate snapshot = deliveryDate(d);
    LocalDate end = rnd.nextDouble() < 0.7 ? start.plusDays(30 + rnd.nextInt(335)) : null;
    if (end == null && d.validTo() != null || end != null && end.isAfter(snapshot)) {
      end = d.validTo() != null ? snapshot : null;
    }
    Map<String, String> v = new HashMap<>();
    v.put("arende_id", String.format("A%07d", ++caseSeq));
    identity(v, files, pnr, birth);
    v.put("kon", kon);
    v.put(
        "relation",
        pick(
            new String[] {"FORALDER", "SYSKON", "PARTNER", "BARN", "ANNAN"},
            new double[] {55, 15, 15, 5, 10}));
    v.put(
        "malgrupp",
        pick(
            new String[] {"KRIMINELL_LIVSSTIL", "SKJUTNING_DODLIGT_VALD", "VBE"},
            new double[] {70, 22, 8}));
    v.put(
        "stodform",
        pick(
            new String[] {
              "KRISSTOD",
              "RAD_OCH_STOD",
              "SAMTAL_ENSKILT",
              "SAMTAL_GRUPP",
              "PRAKTISKT_STOD",
              "LANKNING"
            },
            new double[] {12, 25, 30, 13, 10, 10}));
    v.put("startdatum", start.toString());
    if (end != null) {
      v.put("slutdatum", end.toString());
    }
    if (rnd.nextDouble() < 0.9) {
      v.put("antal_samtal", Integer.toString(1 + rnd.nextInt(30)));
    }
    plantRelativeFault(v, files);
    files.write("anhorigstod", v);
  }

  private void resources(DeliveryFiles files) throws IOException {
    double weight = weights.get(files.district.code());
    for (int year = historyStart.getYear(); year <= files.snapshot.getYear(); year++) {
      for (String v : new String[] {"SIG_UNGA", "SIG_UNGA_VUXNA", "AVHOPPARE", "ANHORIGSTOD"}) {
        double scale =
            switch (v) {
              case "SIG_UNGA" -> 0.9;
              case "SIG_UNGA_VUXNA" -> 1.2;
              case "AVHOPPARE" -> 0.4;
              default -> 0.3;
            };
        double cost =
            Math.round(
                weight
                    * scale
                    * 650_000
                    * (1 + 0.03 * (year - 2020))
                    * (0.85 + 0.3 * rnd.nextDouble()));
        Map<String, String> row = new HashMap<>();
        row.put("ar", Integer.toString(year));
        row.put("verksamhet", v);
        row.put("kostnad_kr", Long.toString((long) cost));
        row.put("arsarbetare", decimal(Math.round(cost / 85_000.0) / 10.0, files.style));
        row.put("budget_kr", Long.toString((long) (cost * (0.9 + 0.2 * rnd.nextDouble()))));
        if (fault()) {
          row.put("kostnad_kr", "-" + row.get("kostnad_kr"));
          count(FaultKind.NEGATIVE_NUMBER);
        }
        files.write("resurser", row);
      }
    }
  }

  // ---- faults ----------------------------------------------------------------------------

  private boolean fault() {
    return options.faultRate() > 0 && rnd.nextDouble() < options.faultRate();
  }

  private void count(FaultKind kind) {
    faults.merge(kind, 1L, Long::sum);
  }

  private boolean plantEpisodeFault(
      Map<String, String> v, DeliveryFiles files, LocalDate snapshot) {
    if (!fault()) {
      return false;
    }
    FaultKind kind = FaultKind.EPISODE_FAULTS[rnd.nextInt(FaultKind.EPISODE_FAULTS.length)];
    switch (kind) {
      case BAD_PERSONNUMMER -> {
        if (v.containsKey("personnummer")) {
          String p = v.get("personnummer");
          int last = p.charAt(p.length() - 1) - '0';
          v.put("personnummer", p.substring(0, p.length() - 1) + (last + 1) % 10);
        } else {
          v.remove("fodelsedatum");
          kind = FaultKind.MISSING_IDENTITY;
        }
      }
      case UNKNOWN_CODE -> v.put("verksamhet", "SIG_AVHOPP");
      case BAD_DATE -> v.put("inskrivningsdatum", "2023-13-45");
      case END_BEFORE_START -> {
        LocalDate start = LocalDate.parse(v.get("inskrivningsdatum"));
        v.put("avslutsdatum", start.minusDays(10).toString());
        v.put("avslutsorsak", "PLANERAT");
      }
      case MISSING_EXIT_REASON -> {
        v.put("avslutsdatum", v.getOrDefault("avslutsdatum", snapshot.toString()));
        v.remove("avslutsorsak");
      }
      case DATE_AFTER_DELIVERY -> v.put("inskrivningsdatum", snapshot.plusDays(20).toString());
      case DATE_BEFORE_2010 -> v.put("inskrivningsdatum", "2009-05-04");
      case DUPLICATE_KEY -> {
        if (files.lastPeriodId != null) {
          v.put("period_id", files.lastPeriodId);
        } else {
          v.put("kon", "Q");
          kind = FaultKind.UNKNOWN_CODE;
        }
      }
      case MISSING_REQUIRED -> v.remove("verksamhet");
      case MISSING_IDENTITY -> {
        v.remove("personnummer");
        v.remove("person_ref");
      }
      default -> throw new IllegalStateException("Not an episode fault: " + kind);
    }
    count(kind);
    return true;
  }

  private void plantAssessmentFault(Map<String, String> v, DeliveryFiles files, LifeDomain d) {
    if (!fault()) {
      return;
    }
    FaultKind kind = FaultKind.ASSESSMENT_FAULTS[rnd.nextInt(FaultKind.ASSESSMENT_FAULTS.length)];
    switch (kind) {
      case UNKNOWN_REFERENCE -> v.put("period_id", "OKAND-" + rnd.nextInt(1000));
      case RATING_OUT_OF_SCALE -> v.put("skattning", Integer.toString(d.max() + 3));
      case DATE_OUTSIDE_EPISODE -> v.put("datum", "2010-01-02");
      case UNKNOWN_CODE -> v.put("livsomrade", "EKONOMI");
      case BAD_NUMBER -> v.put("skattning", "tre");
      default -> throw new IllegalStateException("Not an assessment fault: " + kind);
    }
    count(kind);
  }

  private void plantInterventionFault(Map<String, String> v, DeliveryFiles files) {
    if (!fault()) {
      return;
    }
    FaultKind kind =
        FaultKind.INTERVENTION_FAULTS[rnd.nextInt(FaultKind.INTERVENTION_FAULTS.length)];
    switch (kind) {
      case NEGATIVE_NUMBER -> v.put("timmar", "-5");
      case UNKNOWN_CODE -> v.put("insatstyp", "KURATOR");
      case END_BEFORE_START ->
          v.put("slutdatum", LocalDate.parse(v.get("startdatum")).minusDays(3).toString());
      case WRONG_FIELD_COUNT -> v.put("__extra_field__", "x");
      default -> throw new IllegalStateException("Not an intervention fault: " + kind);
    }
    count(kind);
  }

  private void plantRelativeFault(Map<String, String> v, DeliveryFiles files) {
    if (!fault()) {
      return;
    }
    FaultKind kind = FaultKind.RELATIVE_FAULTS[rnd.nextInt(FaultKind.RELATIVE_FAULTS.length)];
    switch (kind) {
      case UNKNOWN_CODE -> v.put("malgrupp", "GAENG");
      case DUPLICATE_KEY -> v.put("arende_id", String.format("A%07d", Math.max(1, caseSeq - 1)));
      case BAD_DATE -> v.put("startdatum", "20231340");
      default -> throw new IllegalStateException("Not a relative fault: " + kind);
    }
    count(kind);
  }

  // ---- helpers ---------------------------------------------------------------------------

  private DeliveryFiles files(Path leveranser, District d) throws IOException {
    DeliveryFiles f = deliveries.get(d.code());
    if (f == null) {
      if (leveranser == null) {
        leveranser = currentRoot;
      }
      f = new DeliveryFiles(model, leveranser, d, deliveryDate(d), styleOf(d.code()));
      deliveries.put(d.code(), f);
    }
    return f;
  }

  /** Where {@link #generate} writes the deliveries. */
  private Path currentRoot;

  private LocalDate deliveryDate(District d) {
    if (d.validTo() != null) {
      return d.validTo().isBefore(options.asOf()) ? d.validTo() : options.asOf();
    }
    return d.validFrom().isAfter(options.asOf()) ? null : options.asOf();
  }

  private static ExportStyle styleOf(String district) {
    return switch (district) {
      case "FARSTA", "ALVSJO" -> ExportStyle.LEGACY;
      case "BROMMA" -> ExportStyle.SYSTEM.withReversedColumns();
      case "SKARPNACK" -> ExportStyle.EXCEL.withPersonRefOnly();
      case "SODERMALM", "KUNGSHOLMEN", "JARVA", "NORRA_INNERSTADEN" -> ExportStyle.SYSTEM;
      default -> ExportStyle.EXCEL;
    };
  }

  private String pickDistrict(LocalDate date) {
    List<District> valid = model.districts().validOn(date);
    double[] w = new double[valid.size()];
    String[] codes = new String[valid.size()];
    for (int i = 0; i < valid.size(); i++) {
      codes[i] = valid.get(i).code();
      w[i] = weights.get(codes[i]);
    }
    return pick(codes, w);
  }

  private String newPersonnummer(LocalDate birth, String kon) {
    while (true) {
      boolean coordination = rnd.nextDouble() < 0.02;
      int serial = 1 + rnd.nextInt(998);
      int genderDigit = serial % 10;
      if ("M".equals(kon) && genderDigit % 2 == 0 || "K".equals(kon) && genderDigit % 2 == 1) {
        serial = serial % 10 == 9 ? serial - 1 : serial + 1;
      }
      int day = birth.getDayOfMonth() + (coordination ? 60 : 0);
      String nine =
          String.format(
              "%02d%02d%02d%03d", birth.getYear() % 100, birth.getMonthValue(), day, serial);
      String pnr =
          String.format("%04d", birth.getYear())
              + nine.substring(2)
              + Personnummer.checkDigit(nine);
      if (usedPnr.add(pnr)) {
        return pnr;
      }
    }
  }

  private String formatPnr(String pnr12) {
    // Districts write both forms; the hyphen form is the most common.
    return rnd.nextDouble() < 0.7 ? pnr12.substring(0, 8) + "-" + pnr12.substring(8) : pnr12;
  }

  /** A district's own stable key for a person (Skärpnäck's system sends no personnummer). */
  static String personRef(String pnr) {
    try {
      MessageDigest md = MessageDigest.getInstance("SHA-256");
      byte[] h = md.digest(("skarpnack-system:" + pnr).getBytes(StandardCharsets.UTF_8));
      return "SKP-" + HexFormat.of().formatHex(h, 0, 8);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static String decimal(double value, ExportStyle style) {
    String s = String.format(Locale.ROOT, "%.1f", value);
    return style.decimalComma() ? s.replace('.', ',') : s;
  }

  private LocalDate randomDate(LocalDate from, LocalDate to) {
    long days = ChronoUnit.DAYS.between(from, to);
    return from.plusDays((long) (rnd.nextDouble() * (days + 1)));
  }

  private static LocalDate minDate(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }

  private String pick(String[] values, double[] w) {
    double total = 0;
    for (double x : w) {
      total += x;
    }
    double r = rnd.nextDouble() * total;
    for (int i = 0; i < values.length; i++) {
      r -= w[i];
      if (r < 0) {
        return values[i];
      }
    }
    return values[values.length - 1];
  }

  private double pickDouble(double[] values, double[] w) {
    String[] s = new String[values.length];
    for (int i = 0; i < values.length; i++) {
      s[i] = Integer.toString(i);
    }
    return values[Integer.parseInt(pick(s, w))];
  }
}
