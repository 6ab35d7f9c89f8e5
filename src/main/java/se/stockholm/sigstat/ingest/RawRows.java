package se.stockholm.sigstat.ingest;

import java.util.Map;
import org.apache.spark.api.java.JavaRDD;
import org.apache.spark.sql.Row;

/**
 * The raw rows of a set of deliveries, one RDD per file name (laid out as {@link
 * RawRowReader#FIELDS_FROM} says), and the district of each delivery by its id. All RDDs have the
 * same number of partitions, and a delivery's rows lie in the one Spark's hash partitioning by
 * delivery id gives it ({@link se.stockholm.sigstat.spark.DeliveryPartitions#partitionOf}).
 */
public record RawRows(Map<String, JavaRDD<Row>> byFile, Map<String, String> districtByDelivery) {
  public RawRows {
    byFile = Map.copyOf(byFile);
    districtByDelivery = Map.copyOf(districtByDelivery);
  }
}
