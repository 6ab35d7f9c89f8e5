package se.stockholm.sigstat.model;

import java.io.Serializable;
import java.util.List;
import java.util.Map;

/**
 * data-schema/disclosure.yaml: the linear relations an intruder can use between published figures,
 * and the cost of hiding each cell, by which secondary suppressions are chosen.
 */
public record DisclosureRules(
    List<String> lineDimensions,
    List<String> inexactLineDimensions,
    List<FigureRef> categorySums,
    List<Partition> partitions,
    List<SameCell> sameCell,
    List<String> stocks,
    List<String> flows,
    StockFlow stockFlow,
    ChangeHistogram changeHistogram,
    Costs costs)
    implements Serializable {

  public DisclosureRules {
    lineDimensions = List.copyOf(lineDimensions);
    inexactLineDimensions = List.copyOf(inexactLineDimensions);
    categorySums = List.copyOf(categorySums);
    partitions = List.copyOf(partitions);
    sameCell = List.copyOf(sameCell);
    stocks = List.copyOf(stocks);
    flows = List.copyOf(flows);
  }

  /** Whether the figure adds up over the measure's categories (a line along kategori). */
  public boolean sumsOverCategories(String measure, String field) {
    return categorySums.stream()
        .anyMatch(r -> r.measure().equals(measure) && field.equals(r.field()));
  }

  /** A count whose parts add up to it in the same cell. */
  public record Partition(FigureRef total, List<FigureRef> parts) implements Serializable {}

  /** A term of a relation: coefficient × figure. */
  public record Term(int coefficient, FigureRef figure) implements Serializable {}

  /**
   * A relation between figures of the same cell: the terms sum to zero. {@code exact}: always;
   * otherwise the first term is at most the sum of the others (a person can be in two of them).
   */
  public record SameCell(String name, List<Term> terms, boolean exact) implements Serializable {}

  /** current(P) = stock(the period ending the day before P starts) + inflow(P). */
  public record StockFlow(String current, String stock, String inflow) implements Serializable {}

  /** The figures tied together by the histogram of changes in a life domain. */
  public record ChangeHistogram(
      FigureRef improved, FigureRef worse, FigureRef sum, FigureRef sumOfSquares)
      implements Serializable {}

  /**
   * What hiding a cell costs: the measure's weight times each coordinate's weight (default 1),
   * times {@code trendPeriod} outside the report periods; a published zero costs {@code
   * publishedZero} times more.
   */
  public record Costs(
      Map<String, Double> measures,
      Map<String, Map<String, Double>> coordinates,
      double trendPeriod,
      double publishedZero)
      implements Serializable {
    public Costs {
      measures = Map.copyOf(measures);
      coordinates = Map.copyOf(coordinates);
    }

    public double measure(String code) {
      return measures.getOrDefault(code, 1.0);
    }

    public double coordinate(String dimension, String value) {
      Map<String, Double> weights = coordinates.get(dimension);
      return weights == null ? 1.0 : weights.getOrDefault(value, 1.0);
    }
  }
}
