package org.onewindow.kernel.imports;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.apache.poi.openxml4j.opc.OPCPackage;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.util.CellRangeAddress;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.util.XMLHelper;
import org.apache.poi.xssf.eventusermodel.ReadOnlySharedStringsTable;
import org.apache.poi.xssf.eventusermodel.XSSFReader;
import org.apache.poi.xssf.eventusermodel.XSSFSheetXMLHandler;
import org.apache.poi.xssf.model.StylesTable;
import org.apache.poi.xssf.usermodel.XSSFComment;
import org.xml.sax.Attributes;
import org.xml.sax.InputSource;
import org.xml.sax.SAXException;
import org.xml.sax.XMLReader;
import org.xml.sax.helpers.XMLFilterImpl;

/**
 * An Excel workbook (.xlsx, as Excel and WPS save it) whose sheets are read as tables, streamed (POI's event API:
 * no sheet is held as a tree of cells) within {@link ImportLimits}: the upload's bytes, the bytes it unpacks to,
 * and the rows that are not blank.
 *
 * <p>Cells read as what the user sees, except numbers in the General or Text format, which read as their exact
 * value ({@code 370321106000}, not Excel's display {@code 3.70321E+11} nor Java's {@code 3.70321106E11}); a
 * number beyond 15 digits, which Excel has already rounded, reads in scientific notation, so that a code column
 * refuses it. Booleans read {@code TRUE}/{@code FALSE}, formulas their last computed value, and a formula error
 * ({@code #N/A}) in a column the import reads is refused. A cell merged over several rows gives its value to each
 * row where the column allows it ({@link ImportColumn#fillsMergedCells()}) and is refused elsewhere; a cell merged
 * across columns belongs to its first column. Then the rules of every table apply (see {@link Tables}).
 */
public final class XlsxWorkbook implements AutoCloseable {

    private final OPCPackage pkg;
    private final XSSFReader reader;
    private final ReadOnlySharedStringsTable strings;
    private final StylesTable styles;
    private final ImportLimits limits;
    private final Map<String, String> sheets; // name → part id, in workbook order

    private XlsxWorkbook(OPCPackage pkg, ImportLimits limits) throws Exception {
        this.pkg = pkg;
        this.limits = limits;
        this.reader = new XSSFReader(pkg);
        this.strings = new ReadOnlySharedStringsTable(pkg, false);
        StylesTable read = reader.getStylesTable();
        this.styles = read != null ? read : new StylesTable();
        this.sheets = new LinkedHashMap<>();
        XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (iterator.hasNext()) {
            try (InputStream ignored = iterator.next()) {
                sheets.put(
                        iterator.getSheetName(),
                        iterator.getSheetPart().getPartName().getName());
            }
        }
    }

    /**
     * The workbook, or empty when the file is no workbook Excel could open (not a zip, a damaged one, an .xls).
     *
     * @throws ImportTooLargeException over {@link ImportLimits#maxBytes()} or {@link ImportLimits#maxUnpackedBytes()}
     */
    public static Optional<XlsxWorkbook> open(byte[] file, ImportLimits limits) {
        if (file.length > limits.maxBytes()) {
            throw new ImportTooLargeException("import.too.large", ImportLimits.mebibytes(limits.maxBytes()));
        }
        if (!unpacksWithin(file, limits.maxUnpackedBytes())) {
            return Optional.empty();
        }
        OPCPackage pkg = null;
        try {
            pkg = OPCPackage.open(new ByteArrayInputStream(file));
            return Optional.of(new XlsxWorkbook(pkg, limits));
        } catch (Exception | LinkageError e) {
            // Not a workbook, a damaged one, or one POI refuses as a zip bomb: the same answer to the user.
            if (pkg != null) {
                pkg.revert();
            }
            return Optional.empty();
        }
    }

    /** The sheets' names, in the workbook's order. */
    public List<String> sheetNames() {
        return List.copyOf(sheets.keySet());
    }

    /**
     * The first sheet whose name is one of {@code names} (trimmed, any case), read as a table; with no names, the
     * first sheet.
     *
     * @throws ImportTooLargeException over {@link ImportLimits#maxRows()}
     */
    public Optional<ImportedTable> sheet(List<ImportColumn> columns, String... names) {
        for (Map.Entry<String, String> sheet : sheets.entrySet()) {
            boolean wanted = names.length == 0;
            for (String name : names) {
                wanted |= sheet.getKey().strip().equalsIgnoreCase(name.strip());
            }
            if (wanted) {
                return Optional.of(read(sheet.getValue(), columns));
            }
        }
        return Optional.empty();
    }

    private ImportedTable read(String partName, List<ImportColumn> columns) {
        Collector collector = new Collector(limits);
        try (InputStream sheet = sheetStream(partName)) {
            XMLReader parser = XMLHelper.newXMLReader();
            MergesAndErrors filter = new MergesAndErrors(collector);
            filter.setParent(parser);
            filter.setContentHandler(
                    new XSSFSheetXMLHandler(styles, null, strings, collector, new ExactNumbers(), false));
            filter.parse(new InputSource(sheet));
            return Tables.build(collector.rows(filter.merges), columns, limits, List.of());
        } catch (ImportTooLargeException e) {
            throw e;
        } catch (Exception e) {
            if (e.getCause() instanceof ImportTooLargeException tooLarge) {
                throw tooLarge;
            }
            return ImportedTable.refused(ImportProblem.ofFile("import.xlsx.unreadable"));
        }
    }

    private InputStream sheetStream(String partName) throws Exception {
        XSSFReader.SheetIterator iterator = (XSSFReader.SheetIterator) reader.getSheetsData();
        while (iterator.hasNext()) {
            InputStream stream = iterator.next();
            if (iterator.getSheetPart().getPartName().getName().equals(partName)) {
                return stream;
            }
            stream.close();
        }
        throw new IOException("sheet " + partName + " vanished");
    }

    @Override
    public void close() {
        pkg.revert(); // read only: nothing to save
    }

    /** Whether the zip's entries unpack to at most {@code limit} bytes in all; counted by inflating, not trusted. */
    private static boolean unpacksWithin(byte[] file, long limit) {
        long total = 0;
        byte[] buffer = new byte[64 * 1024];
        try (ZipInputStream zip = new ZipInputStream(new ByteArrayInputStream(file))) {
            ZipEntry entry;
            boolean any = false;
            while ((entry = zip.getNextEntry()) != null) {
                any = true;
                int read;
                while ((read = zip.read(buffer)) > 0) {
                    total += read;
                    if (total > limit) {
                        throw new ImportTooLargeException(
                                "import.unpacked.too.large", ImportLimits.mebibytes(limit), entry.getName());
                    }
                }
            }
            return any;
        } catch (IOException | IllegalArgumentException e) {
            return false;
        }
    }

    /** Numbers in the General or Text format as their exact value; others (dates, 000000) as Excel shows them. */
    static final class ExactNumbers extends DataFormatter {

        ExactNumbers() {
            super(Locale.ROOT);
        }

        @Override
        public String formatRawCellContents(
                double value, int formatIndex, String formatString, boolean use1904Windowing) {
            if (formatIndex == 0
                    || formatIndex == 49
                    || "General".equalsIgnoreCase(formatString)
                    || "@".equals(formatString)) {
                return exact(value);
            }
            return super.formatRawCellContents(value, formatIndex, formatString, use1904Windowing);
        }

        /**
         * The number as Excel stores it, to its 15 significant digits; beyond 15 digits before the point in
         * scientific notation, since Excel has rounded what followed.
         */
        static String exact(double value) {
            if (Double.isNaN(value) || Double.isInfinite(value)) {
                return String.valueOf(value);
            }
            if (value == 0) {
                return "0";
            }
            BigDecimal number = new BigDecimal(value).round(new MathContext(15)).stripTrailingZeros();
            return number.precision() - number.scale() > 15 ? number.toString() : number.toPlainString();
        }
    }

    /** The rows with any cell that is not blank, by row index, and the cells holding formula errors. */
    private static final class Collector implements XSSFSheetXMLHandler.SheetContentsHandler {

        private final ImportLimits limits;
        private final Map<Integer, TreeMap<Integer, String>> rows = new TreeMap<>();
        private final Map<Integer, Map<Integer, String>> errors = new HashMap<>();
        private TreeMap<Integer, String> current;
        private int row;
        private String errorRef;

        Collector(ImportLimits limits) {
            this.limits = limits;
        }

        @Override
        public void startRow(int rowNum) {
            row = rowNum;
            current = new TreeMap<>();
        }

        @Override
        public void endRow(int rowNum) {
            boolean blank =
                    current.values().stream().allMatch(v -> Tables.trim(v).isEmpty());
            if (!blank) {
                if (rows.size() > limits.maxRows() + Tables.HEADER_SEARCH_ROWS) {
                    throw new ImportTooLargeException("import.rows.too.many", limits.maxRows());
                }
                rows.put(rowNum, current);
            }
        }

        @Override
        public void cell(String cellReference, String formattedValue, XSSFComment comment) {
            CellReference ref = new CellReference(cellReference);
            String value = formattedValue == null ? "" : formattedValue;
            if (cellReference.equals(errorRef)) {
                errors.computeIfAbsent(row, r -> new HashMap<>())
                        .put((int) ref.getCol(), value.replaceFirst("^ERROR:", ""));
            }
            current.put((int) ref.getCol(), value);
        }

        void error(String ref) {
            errorRef = ref;
        }

        List<Tables.RawRow> rows(List<CellRangeAddress> merges) {
            Map<Integer, Map<Integer, String>> merged = new HashMap<>();
            for (CellRangeAddress region : merges) {
                TreeMap<Integer, String> top = rows.get(region.getFirstRow());
                String value = top == null ? "" : top.getOrDefault(region.getFirstColumn(), "");
                for (int r = region.getFirstRow() + 1; r <= region.getLastRow(); r++) {
                    TreeMap<Integer, String> below = rows.get(r);
                    if (below != null) {
                        below.put(region.getFirstColumn(), value);
                        merged.computeIfAbsent(r, k -> new HashMap<>())
                                .put(region.getFirstColumn(), region.formatAsString());
                    }
                }
            }
            List<Tables.RawRow> result = new ArrayList<>();
            rows.forEach((index, cells) -> {
                int width = cells.isEmpty() ? 0 : cells.lastKey() + 1;
                List<String> values = new ArrayList<>(width);
                List<String> refs = new ArrayList<>(width);
                for (int c = 0; c < width; c++) {
                    values.add(cells.getOrDefault(c, ""));
                    refs.add(new CellReference(index, c).formatAsString());
                }
                result.add(new Tables.RawRow(
                        index + 1,
                        values,
                        refs,
                        merged.getOrDefault(index, Map.of()),
                        errors.getOrDefault(index, Map.of())));
            });
            return result;
        }
    }

    /** Sees what POI's handler does not report: merged regions, and which cells hold a formula error. */
    private static final class MergesAndErrors extends XMLFilterImpl {

        private final Collector collector;
        final List<CellRangeAddress> merges = new ArrayList<>();

        MergesAndErrors(Collector collector) {
            this.collector = collector;
        }

        @Override
        public void startElement(String uri, String localName, String qName, Attributes atts) throws SAXException {
            if ("mergeCell".equals(localName) && atts.getValue("ref") != null) {
                merges.add(CellRangeAddress.valueOf(atts.getValue("ref")));
            } else if ("c".equals(localName)) {
                collector.error("e".equals(atts.getValue("t")) ? atts.getValue("r") : null);
            }
            super.startElement(uri, localName, qName, atts);
        }
    }
}
