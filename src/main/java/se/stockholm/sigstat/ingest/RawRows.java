package se.stockholm.sigstat.ingest;

import java.util.List;
import java.util.Map;
import org.apache.spark.api.java.JavaRDD;

/**
 * The delivery files of a set of deliveries, one RDD per file name whose partitions each hold the
 * files one task reads ({@link RawRowReader#rows} makes their raw rows, laid out as {@link
 * RawRowReader#FIELDS_FROM} says), and the district of each delivery by its id. All RDDs have the
 * same number of partitions, and a delivery's files lie in the one Spark's hash partitioning by
 * delivery id gives it ({@link se.stockholm.sigstat.spark.DeliveryPartitions#partitionOf}). A task
 * can so read its files more than once (the duplicate-key check does).
 */
public record RawRows(
    Map<String, JavaRDD<List<RawRowReader.SourceFile>>> byFile,
    Map<String, String> districtByDelivery) {
  public RawRows {
    byFile = Map.copyOf(byFile);
    districtByDelivery = Map.copyOf(districtByDelivery);
  }
}
