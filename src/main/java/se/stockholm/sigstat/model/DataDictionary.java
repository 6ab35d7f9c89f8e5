package se.stockholm.sigstat.model;

import java.util.stream.Collectors;

/** The data dictionary of the follow-up model as Markdown, generated from data-schema/. */
public final class DataDictionary {
  private DataDictionary() {}

  public static String markdown(FollowUpModel model) {
    StringBuilder md = new StringBuilder();
    md.append("# Datadictionary: SIG-uppföljningen på individnivå\n\n");
    md.append(
        "Genererad från `data-schema/`. En leverans är mappen "
            + "`leveranser/<stadsdel>/<leveransdatum>/` med filerna nedan (CSV med rubrikrad, "
            + "`;` eller `,`, UTF-8 eller Windows-1252).\n\n");
    md.append("## Filer\n\n");
    for (FileSpec f : model.deliveryFiles()) {
      file(md, f);
    }
    md.append("## Referensdata\n\n");
    for (FileSpec f : model.referenceFiles()) {
      file(md, f);
    }
    md.append("## Livsområden\n\n| kod | benämning | skala | bättre är |\n|---|---|---|---|\n");
    CodeList domains = model.codeList("livsomrade");
    for (LifeDomain d : model.lifeDomains()) {
      md.append("| `")
          .append(d.code())
          .append("` | ")
          .append(domains.labelOf(d.code()))
          .append(" | ")
          .append(d.min())
          .append("–")
          .append(d.max())
          .append(" | ")
          .append(d.higherIsBetter() ? "högre" : "lägre")
          .append(" |\n");
    }
    md.append("\n## Kodlistor\n\n");
    model.codeLists().values().stream()
        .sorted((a, b) -> a.name().compareTo(b.name()))
        .forEach(
            list -> {
              md.append("### ")
                  .append(list.name())
                  .append(" — ")
                  .append(list.label())
                  .append("\n\n");
              md.append("| kod | benämning |\n|---|---|\n");
              for (Code c : list.codes()) {
                md.append("| `").append(c.code()).append("` | ").append(c.label()).append(" |\n");
              }
              md.append('\n');
            });
    md.append(
        "## Stadsdelar\n\n| kod | namn | giltig från | giltig till | efterträdare |\n"
            + "|---|---|---|---|---|\n");
    for (District d : model.districts().all()) {
      md.append("| `")
          .append(d.code())
          .append("` | ")
          .append(d.name())
          .append(" | ")
          .append(d.validFrom())
          .append(" | ")
          .append(d.validTo() == null ? "" : d.validTo())
          .append(" | ")
          .append(d.successor() == null ? "" : "`" + d.successor() + "`")
          .append(" |\n");
    }
    md.append("\nTotal för staden: `")
        .append(model.districts().cityCode())
        .append("` (")
        .append(model.districts().cityName())
        .append(").\n");
    MergerRule merger = model.districts().mergerRule();
    md.append("\nSammanslagningar: en insatsperiod som avslutats med avslutsorsak `")
        .append(merger.transferReason())
        .append("` högst ")
        .append(merger.maxGapDays())
        .append(" dagar från stadsdelens sista dag, eller som är öppen i sista leveransen från en")
        .append(" stadsdel som upphört, fortsätter i samma persons insatsperiod i samma verksamhet")
        .append(" som börjar 0–")
        .append(merger.maxGapDays())
        .append(" dagar senare i en stadsdel som redovisas som samma stadsdel. En öppen")
        .append(
            " insatsperiod utan fortsättning avslutas på stadsdelens sista dag med avslutsorsak `")
        .append(merger.openEndReason())
        .append("`.\n");
    return md.toString();
  }

  private static void file(StringBuilder md, FileSpec f) {
    md.append("### `")
        .append(f.fileName())
        .append("` — ")
        .append(f.label())
        .append(f.required() ? " (obligatorisk)" : " (frivillig)")
        .append("\n\n");
    if (f.description() != null) {
      md.append(f.description()).append("\n\n");
    }
    if (!f.key().isEmpty()) {
      md.append("Nyckel: ")
          .append(f.key().stream().map(k -> "`" + k + "`").collect(Collectors.joining(", ")))
          .append(". ");
    }
    if (f.hasReference()) {
      md.append("`")
          .append(f.referenceColumn())
          .append("` måste finnas i ")
          .append(f.referencedFile())
          .append(".");
    }
    md.append(
        "\n\n| kolumn | benämning | typ | obligatorisk | beskrivning |\n|---|---|---|---|---|\n");
    for (ColumnSpec c : f.columns()) {
      String type =
          c.type().name().toLowerCase(java.util.Locale.ROOT)
              + (c.codeList() != null ? " (" + c.codeList() + ")" : "");
      md.append("| `")
          .append(c.name())
          .append("` | ")
          .append(c.label())
          .append(" | ")
          .append(type)
          .append(" | ")
          .append(c.required() ? "ja" : "nej")
          .append(" | ")
          .append(c.description() == null ? "" : c.description())
          .append(" |\n");
    }
    md.append('\n');
  }
}
