package se.stockholm.sigstat.validation;

import java.util.List;
import java.util.Optional;
import se.stockholm.sigstat.model.LifeDomain;

/** A rating lies within its life domain's scale (e.g. 1–4, or 0–3 where lower is better). */
public record RatingWithinScale(List<LifeDomain> domains) implements RowRule {
  @Override
  public Optional<Rejection> check(ParsedRow row) {
    Object rating = row.value("skattning");
    Object domain = row.value("livsomrade");
    if (rating == null || domain == null) {
      return Optional.empty();
    }
    for (LifeDomain d : domains) {
      if (d.code().equals(domain) && !d.inScale((Integer) rating)) {
        return Optional.of(
            new Rejection(
                "skattning",
                row.raw("skattning"),
                "skattning "
                    + rating
                    + " ligger utanför skalan "
                    + d.min()
                    + "–"
                    + d.max()
                    + " för livsområdet "
                    + d.code()));
      }
    }
    return Optional.empty();
  }
}
