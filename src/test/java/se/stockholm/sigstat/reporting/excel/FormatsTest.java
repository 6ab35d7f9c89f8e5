package se.stockholm.sigstat.reporting.excel;

import static org.assertj.core.api.Assertions.assertThat;

import org.apache.poi.ss.format.CellFormat;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Test;
import se.stockholm.sigstat.model.schema.DataSchemaLoader;

/** The number formats measures are shown with, applied as Excel applies them. */
class FormatsTest {
  @Test
  void pValuesBelowOneThousandthShowAsLessThan() throws Exception {
    try (XSSFWorkbook wb = new XSSFWorkbook()) {
      StyleKey key = Formats.of(DataSchemaLoader.load().measure("FORANDRING_P"), false);
      CellFormat format = CellFormat.getInstance(new Styles(wb).get(key).getDataFormatString());
      assertThat(format.apply(0.0004).text).isEqualTo("< 0,001");
      assertThat(format.apply(0.0).text).isEqualTo("< 0,001");
      assertThat(format.apply(0.0487).text).isEqualTo("0.049");
      assertThat(format.apply(0.001).text).isEqualTo("0.001");
    }
  }
}
