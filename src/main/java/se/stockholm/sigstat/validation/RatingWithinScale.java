package se.stockholm.sigstat.validation;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import se.stockholm.sigstat.model.LifeDomain;

/** A rating lies within its life domain's scale (e.g. 1–4, or 0–3 where lower is better). */
public final class RatingWithinScale implements RowRule {
  /** The domains by code: looked up once per delivered assessment. */
  private final Map<String, LifeDomain> domains = new HashMap<>();

  public RatingWithinScale(List<LifeDomain> domains) {
    domains.forEach(d -> this.domains.putIfAbsent(d.code(), d));
  }

  @Override
  public Optional<Rejection> check(ParsedRow row) {
    Object rating = row.value("skattning");
    Object domain = row.value("livsomrade");
    if (rating == null || domain == null) {
      return Optional.empty();
    }
    LifeDomain d = domains.get(domain);
    if (d != null && !d.inScale((Integer) rating)) {
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
    return Optional.empty();
  }
}
