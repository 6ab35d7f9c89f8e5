package se.stockholm.sigstat.ingest;

import java.io.Serializable;
import java.util.List;
import se.stockholm.sigstat.model.FileSpec;

/**
 * How one delivery file is laid out: encoding, delimiter, and where each declared column stands in
 * its header ({@code -1} for an optional column the file does not have).
 */
public record FileLayout(
    FileSpec spec,
    String path,
    String charset,
    boolean bom,
    CsvDialect dialect,
    int[] columnPositions,
    int headerWidth,
    List<String> unknownColumns)
    implements Serializable {}
