package se.stockholm.sigstat.disclosure;

import java.util.ArrayList;
import java.util.List;
import se.stockholm.sigstat.aggregation.CubeGrid;
import se.stockholm.sigstat.aggregation.Dimensions;
import se.stockholm.sigstat.model.FollowUpModel;
import se.stockholm.sigstat.model.Measure;

/**
 * Additive lines: a total equals the sum of its parts along each declared dimension, and along
 * kategori where a measure's categories partition a whole.
 */
final class LineRelations {
  private LineRelations() {}

  static void add(List<FigureKey> figures, FollowUpModel model, CubeGrid grid, RelationSink sink) {
    for (FigureKey f : figures) {
      Measure m = model.measure(f.measure());
      List<String> dims = new ArrayList<>(model.disclosure().lineDimensions());
      if (m.categoriesPartition() || model.disclosure().sumsOverCategories(m.code(), f.field())) {
        dims.add(Dimensions.CATEGORY);
      }
      for (String dim : dims) {
        if (!f.coordinate(dim).equals(grid.total(dim, m))) {
          continue;
        }
        String total = grid.total(dim, m);
        List<String> parts =
            dim.equals(Dimensions.CATEGORY) && !m.categoriesPartition()
                ? grid.values(dim, m).stream().filter(v -> !v.equals(total)).toList()
                : grid.parts(dim, m);
        if (parts.isEmpty()) {
          continue;
        }
        List<FigureKey> terms = new ArrayList<>();
        List<Long> coefficients = new ArrayList<>();
        terms.add(f);
        coefficients.add(1L);
        for (String p : parts) {
          terms.add(f.with(dim, p));
          coefficients.add(-1L);
        }
        sink.add(
            "linje längs " + dim + ": " + f.name(),
            terms,
            coefficients,
            model.disclosure().inexactLineDimensions().contains(dim)
                ? RelationKind.LINE
                : RelationKind.EXACT);
      }
    }
  }
}
