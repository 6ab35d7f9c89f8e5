package se.stockholm.sigstat.reporting.charts;

import java.util.ArrayList;
import java.util.List;
import org.jfree.data.category.DefaultCategoryDataset;
import se.stockholm.sigstat.disclosure.ProtectedCell;

/**
 * A chart's dataset built from protected cells: a suppressed value is never drawn, only named in
 * the note under the chart ({@link ChartTheme#omittedNote}); an absent cell is skipped.
 */
final class ProtectedDataset {
  final DefaultCategoryDataset data = new DefaultCategoryDataset();
  final List<String> omitted = new ArrayList<>();

  /** A bar: no value counts as 0; a suppressed cell leaves no bar. */
  void bar(ProtectedCell c, String series, String category, String omittedAs) {
    if (c == null) {
      return;
    }
    if (c.status().isSuppressed()) {
      omitted.add(omittedAs);
    } else {
      data.addValue(c.value() == null ? 0 : c.value(), series, category);
    }
  }

  /** A point of a line: a suppressed cell leaves a gap in the line. */
  void point(ProtectedCell c, String series, String category, String omittedAs) {
    if (c == null) {
      return;
    }
    if (c.status().isSuppressed()) {
      omitted.add(omittedAs);
      data.addValue(null, series, category);
    } else {
      data.addValue(c.value(), series, category);
    }
  }

  String note() {
    return ChartTheme.omittedNote(omitted);
  }
}
