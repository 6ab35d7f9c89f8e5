package se.stockholm.sigstat.reporting.excel;

import java.io.IOException;
import se.stockholm.sigstat.reporting.ReportDefinition;

/** Writes one sheet type of a workbook. */
public interface SheetWriter {
  void write(SheetBuilder sheet, ReportDefinition.Sheet definition, WorkbookContext context)
      throws IOException;
}
