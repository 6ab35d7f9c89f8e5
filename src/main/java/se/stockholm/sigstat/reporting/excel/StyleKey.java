package se.stockholm.sigstat.reporting.excel;

/** The cell styles of a workbook. */
public enum StyleKey {
  TITLE,
  SUBTITLE,
  HEADER,
  ROW_LABEL,
  TOTAL_LABEL,
  INTEGER,
  DECIMAL,
  DECIMAL3,
  P_VALUE,
  PERCENT,
  SUPPRESSED,
  TEXT,
  NOTE,
  BOLD,
  PLAIN
}
