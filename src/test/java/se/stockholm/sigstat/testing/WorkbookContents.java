package se.stockholm.sigstat.testing;

import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.openxml4j.opc.PackageAccess;
import org.apache.poi.openxml4j.opc.PackagePart;
import org.apache.poi.openxml4j.opc.PackageRelationship;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.DefaultHandler;

/**
 * Reads a workbook with POI's streaming API (XSSFReader and SAX), so even a Data sheet of several
 * hundred thousand rows is read in little memory: each sheet's cells with their stored type, the
 * pictures embedded in it and its Excel tables.
 */
public final class WorkbookContents {
  /** A cell as stored: a number, or text. */
  public record Value(boolean numeric, String text) {
    public double number() {
      return Double.parseDouble(text);
    }
  }

  /** One sheet: cells by reference (up to a limit), last row index, pictures, table refs. */
  public static final class Sheet {
    public final Map<String, Value> cells = new LinkedHashMap<>();
    public int lastRow;
    public int pictures;
    public final List<String> tableRefs = new ArrayList<>();

    public Value at(int row, int col) {
      return cells.get(new CellReference(row, col).formatAsString(false));
    }

    /** Row index of the first cell in column A with this text, from {@code fromRow} on. */
    public int rowOf(String label, int fromRow) {
      for (int r = fromRow; r <= lastRow; r++) {
        Value v = at(r, 0);
        if (v != null && v.text().equals(label)) {
          return r;
        }
      }
      return -1;
    }

    /** Column index of a header text in the given row. */
    public int colOf(int row, String header) {
      for (int c = 0; c < 64; c++) {
        Value v = at(row, c);
        if (v != null && v.text().equals(header)) {
          return c;
        }
      }
      return -1;
    }
  }

  public final Map<String, Sheet> sheets = new LinkedHashMap<>();

  public static WorkbookContents read(Path file, int maxCellsPerSheet) throws Exception {
    WorkbookContents wc = new WorkbookContents();
    try (OPCPackage pkg = OPCPackage.open(file.toFile(), PackageAccess.READ)) {
      XSSFReader reader = new XSSFReader(pkg);
      ReadOnlySharedStringsTable strings = new ReadOnlySharedStringsTable(pkg);
      XSSFReader.SheetIterator it = (XSSFReader.SheetIterator) reader.getSheetsData();
      while (it.hasNext()) {
        try (InputStream in = it.next()) {
          Sheet sheet = new Sheet();
          wc.sheets.put(it.getSheetName(), sheet);
          XMLReader xml = XMLHelper.newXMLReader();
          xml.setContentHandler(new CellHandler(sheet, strings, maxCellsPerSheet));
          xml.parse(new InputSource(in));
          PackagePart part = it.getSheetPart();
          for (PackageRelationship rel : part.getRelationships()) {
            PackagePart target = part.getRelatedPart(rel);
            if (rel.getRelationshipType().endsWith("/drawing")) {
              for (PackageRelationship img : target.getRelationships()) {
                sheet.pictures += img.getRelationshipType().endsWith("/image") ? 1 : 0;
              }
            } else if (rel.getRelationshipType().endsWith("/table")) {
              try (InputStream t = target.getInputStream()) {
                Matcher m =
                    Pattern.compile(" ref=\"([A-Z]+[0-9]+:[A-Z]+[0-9]+)\"")
                        .matcher(new String(t.readAllBytes()));
                if (m.find()) {
                  sheet.tableRefs.add(m.group(1));
                }
              }
            }
          }
        }
      }
    }
    return wc;
  }

  /** Collects {@code <c>} elements: their type, and the text of {@code <v>} or {@code <t>}. */
  private static final class CellHandler extends DefaultHandler {
    private final Sheet sheet;
    private final ReadOnlySharedStringsTable strings;
    private final int max;
    private final StringBuilder value = new StringBuilder();
    private String type;
    private String ref;
    private boolean inValue;

    CellHandler(Sheet sheet, ReadOnlySharedStringsTable strings, int max) {
      this.sheet = sheet;
      this.strings = strings;
      this.max = max;
    }

    @Override
    public void startElement(String uri, String local, String name, Attributes atts) {
      switch (local) {
        case "row" ->
            sheet.lastRow = Math.max(sheet.lastRow, Integer.parseInt(atts.getValue("r")) - 1);
        case "c" -> {
          type = atts.getValue("t");
          ref = atts.getValue("r");
          value.setLength(0);
        }
        case "v", "t" -> inValue = true;
        default -> {}
      }
    }

    @Override
    public void characters(char[] ch, int start, int length) {
      if (inValue) {
        value.append(ch, start, length);
      }
    }

    @Override
    public void endElement(String uri, String local, String name) {
      if (local.equals("v") || local.equals("t")) {
        inValue = false;
      } else if (local.equals("c") && value.length() > 0 && sheet.cells.size() < max) {
        String text =
            "s".equals(type)
                ? strings.getItemAt(Integer.parseInt(value.toString())).getString()
                : value.toString();
        sheet.cells.put(ref, new Value(type == null || type.equals("n"), text));
      }
    }
  }
}
