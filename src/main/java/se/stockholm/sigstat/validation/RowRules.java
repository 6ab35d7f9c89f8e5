package se.stockholm.sigstat.validation;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.model.ColumnSpec;
import se.stockholm.sigstat.model.FileSpec;
import se.stockholm.sigstat.model.FollowUpModel;

/**
 * The registry of row rules per delivery file: first the column rules that follow from {@code
 * data-schema/} (required, type, code list, length, minimum), then the rules that relate columns of
 * one row. Rules across rows are in {@link DuplicateKeys} (within a file) and {@link
 * CrossRowChecks} (across files).
 */
public final class RowRules {
  /** No SIG record can start before the follow-up model existed. */
  public static final LocalDate EARLIEST_DATE = LocalDate.of(2010, 1, 1);

  private RowRules() {}

  public static List<RowRule> forFile(FileSpec spec, FollowUpModel model) {
    List<RowRule> rules = new ArrayList<>();
    for (ColumnSpec c : spec.columns()) {
      if (c.required()) {
        rules.add(new RequiredValue(c.name()));
      }
      switch (c.type()) {
        case TEXT ->
            rules.add(new TextLength(c.name(), c.maxLength() == null ? 4000 : c.maxLength()));
        case DATE -> rules.add(new ValidDate(c.name()));
        case CODE -> rules.add(new KnownCode(c.name(), model.codeList(c.codeList())));
        case INTEGER -> rules.add(new ValidNumber(c.name(), true, c.min()));
        case DECIMAL -> rules.add(new ValidNumber(c.name(), false, c.min()));
        case PERSONNUMMER -> rules.add(new ValidPersonnummer(c.name()));
        default -> throw new IllegalStateException("Unhandled column type " + c.type());
      }
    }
    if (spec.identifiesPersons()) {
      rules.add(new PersonIdentity());
      rules.add(new DateWithinDeliveryRange("fodelsedatum", null));
    }
    switch (spec.name()) {
      case "insatsperioder" -> {
        rules.add(new DateWithinDeliveryRange("inskrivningsdatum", EARLIEST_DATE));
        rules.add(new DateWithinDeliveryRange("avslutsdatum", null));
        rules.add(new DateOrder("inskrivningsdatum", "avslutsdatum"));
        rules.add(new ExitReasonMatchesExitDate());
      }
      case "bedomningar" -> {
        rules.add(new DateWithinDeliveryRange("datum", EARLIEST_DATE));
        rules.add(new RatingWithinScale(model.lifeDomains()));
      }
      case "insatser" -> {
        rules.add(new DateWithinDeliveryRange("startdatum", EARLIEST_DATE));
        rules.add(new DateOrder("startdatum", "slutdatum"));
      }
      case "anhorigstod" -> {
        rules.add(new DateWithinDeliveryRange("startdatum", EARLIEST_DATE));
        rules.add(new DateWithinDeliveryRange("slutdatum", null));
        rules.add(new DateOrder("startdatum", "slutdatum"));
      }
      case "resurser" -> rules.add(new YearNotAfterDelivery("ar"));
      default -> {}
    }
    return List.copyOf(rules);
  }
}
