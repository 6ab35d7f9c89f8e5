package se.stockholm.sigstat.model;

import java.io.Serializable;

/** A life domain (livsområde): its rating scale and whether a higher rating is better. */
public record LifeDomain(String code, int min, int max, boolean higherIsBetter)
    implements Serializable {

  public boolean inScale(int rating) {
    return rating >= min && rating <= max;
  }

  /** +1 when a higher rating is better, -1 when lower is better: change × sign > 0 improves. */
  public int direction() {
    return higherIsBetter ? 1 : -1;
  }
}
