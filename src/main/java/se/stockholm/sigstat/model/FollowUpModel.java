package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The individual-level follow-up model as declared in {@code data-schema/}: delivery files,
 * reference files, code lists, life domains, the district structures, the measures, the published
 * tables and the rules of disclosure control.
 */
public record FollowUpModel(
    List<FileSpec> deliveryFiles,
    List<FileSpec> referenceFiles,
    Map<String, CodeList> codeLists,
    List<LifeDomain> lifeDomains,
    DistrictStructure districts,
    List<Measure> measures,
    FigureRef relativesCount,
    List<PublishedTable> tables,
    DisclosureRules disclosure)
    implements Serializable {

  public Measure measure(String code) {
    return measures.stream()
        .filter(m -> m.code().equals(code))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown measure " + code));
  }

  /**
   * The kategori values a measure is reported for, total last: its code list (if any) and its total
   * category (if any); {@code ""} for a measure without categories.
   */
  public List<String> categories(Measure m) {
    List<String> cats = new java.util.ArrayList<>();
    if (m.categoryList() != null) {
      cats.addAll(codeList(m.categoryList()).codeValues());
    }
    if (m.totalCategory() != null) {
      cats.add(m.totalCategory());
    }
    return cats.isEmpty() ? List.of("") : List.copyOf(cats);
  }

  public FileSpec deliveryFile(String name) {
    return deliveryFiles.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown delivery file " + name));
  }

  public FileSpec referenceFile(String name) {
    return referenceFiles.stream()
        .filter(f -> f.name().equals(name))
        .findFirst()
        .orElseThrow(() -> new IllegalArgumentException("Unknown reference file " + name));
  }

  public CodeList codeList(String name) {
    CodeList list = codeLists.get(name);
    if (list == null) {
      throw new IllegalArgumentException("Unknown code list " + name);
    }
    return list;
  }

  public Optional<LifeDomain> lifeDomain(String code) {
    return lifeDomains.stream().filter(d -> d.code().equals(code)).findFirst();
  }
}
