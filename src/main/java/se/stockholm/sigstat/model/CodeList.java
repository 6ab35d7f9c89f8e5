package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/** A named list of codes in reporting order, each with a Swedish label. */
public record CodeList(String name, String label, List<Code> codes) implements Serializable {

  public boolean contains(String code) {
    return codes.stream().anyMatch(c -> c.code().equals(code));
  }

  public Optional<Code> find(String code) {
    return codes.stream().filter(c -> c.code().equals(code)).findFirst();
  }

  public String labelOf(String code) {
    return find(code).map(Code::label).orElse(code);
  }

  public List<String> codeValues() {
    return codes.stream().map(Code::code).collect(Collectors.toList());
  }

  /** The codes as a user reads them in an error message: {@code K, M, X}. */
  public String describeAllowed() {
    return String.join(", ", codeValues());
  }
}
