package se.stockholm.sigstat.reporting.excel;

/** The cell styles of a workbook. */
public enum StyleKey {
  TITLE,
  SUBTITLE,
  HEADER,
  HEADER_NUMBER,
  ROW_LABEL,
  TOTAL_LABEL,
  INTEGER,
  DECIMAL,
  DECIMAL2,
  DECIMAL3,
  TKR,
  DATE,
  P_VALUE,
  PERCENT,
  SUPPRESSED,
  TEXT,
  NOTE,
  BOLD,
  PLAIN
}
