package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** All districts of every structure (14 → 13 → 11), and the mapping of old codes to successors. */
public final class DistrictStructure implements Serializable {
  private final Map<String, District> byCode = new LinkedHashMap<>();
  private final String cityCode;
  private final String cityName;
  private final MergerRule mergerRule;

  public DistrictStructure(
      List<District> districts, String cityCode, String cityName, MergerRule mergerRule) {
    for (District d : districts) {
      if (byCode.put(d.code(), d) != null) {
        throw new IllegalArgumentException("Duplicate district code " + d.code());
      }
    }
    for (District d : districts) {
      if (d.successor() != null && !byCode.containsKey(d.successor())) {
        throw new IllegalArgumentException(
            "District " + d.code() + " names unknown successor " + d.successor());
      }
    }
    this.cityCode = cityCode;
    this.cityName = cityName;
    this.mergerRule = mergerRule;
  }

  /** How a case moved to the successor at a merger stays one episode. */
  public MergerRule mergerRule() {
    return mergerRule;
  }

  /** The most mergers any district has gone through: the longest chain of successors. */
  public int mergerDepth() {
    int depth = 0;
    for (District d : byCode.values()) {
      int n = 0;
      for (District s = d; s.successor() != null && n <= byCode.size(); n++) {
        s = byCode.get(s.successor());
      }
      depth = Math.max(depth, n);
    }
    return depth;
  }

  public List<District> all() {
    return List.copyOf(byCode.values());
  }

  public Optional<District> find(String code) {
    return Optional.ofNullable(byCode.get(code));
  }

  /** Districts valid on the date, in declaration order. */
  public List<District> validOn(LocalDate date) {
    List<District> result = new ArrayList<>();
    for (District d : byCode.values()) {
      if (d.validOn(date)) {
        result.add(d);
      }
    }
    return result;
  }

  /**
   * The district that carries {@code code}'s figures in the structure valid on {@code date}. An
   * unknown code maps to itself, which is no district: only a delivery rejected for its misnamed
   * district folder carries one, and reports list it without counting it anywhere.
   */
  public String mapTo(String code, LocalDate date) {
    District d = byCode.get(code);
    if (d == null) {
      return code;
    }
    while (!d.validOn(date)
        && d.successor() != null
        && d.validTo() != null
        && d.validTo().isBefore(date)) {
      d = byCode.get(d.successor());
    }
    return d.code();
  }

  public String cityCode() {
    return cityCode;
  }

  public String cityName() {
    return cityName;
  }
}
