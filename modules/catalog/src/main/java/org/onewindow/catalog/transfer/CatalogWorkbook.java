package org.onewindow.catalog.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onewindow.catalog.domain.ItemElements;
import org.onewindow.catalog.domain.ItemRules;
import org.onewindow.kernel.imports.ImportColumn;
import org.onewindow.kernel.imports.ImportLimits;
import org.onewindow.kernel.imports.ImportProblem;
import org.onewindow.kernel.imports.ImportedRow;
import org.onewindow.kernel.imports.ImportedTable;
import org.onewindow.kernel.imports.XlsxWorkbook;
import org.onewindow.kernel.json.Json;

/**
 * The standard catalog as an Excel workbook (.xlsx), the way counties keep their item lists: sheet {@code 事项}
 * has one row per item, sheet {@code 材料} one row per material, keyed by the item's code. Row 1 holds the
 * headers, each a Chinese label with the element's name in brackets ({@code 承诺时限（工作日） (promisedLimitDays)});
 * a header of the bare name reads too, and columns are found by name, in any order. Short lists (themes, tiers,
 * sources) are separated by 、 or a comma, long ones (legal basis, conditions, criteria) by line breaks; yes/no is
 * 是/否 (true/false reads too); coded values are the codes ({@code PUBLIC_SERVICE}) or their labels (公共服务).
 * The workbook has no columns for fees or the process: an existing item keeps those of its version in force.
 *
 * <p>Sheets are read by the kernel's import reader ({@link XlsxWorkbook}), as every import is: streamed within the
 * import limits, title rows above the header and blank rows and columns read past, numbers exact (a code typed as a
 * number reads as its digits), a material's item code merged down over its materials applies to each of them, and
 * any other merged cell spanning rows is refused.
 */
final class CatalogWorkbook {

    static final String ITEMS_SHEET = "事项";
    static final String MATERIALS_SHEET = "材料";

    enum Kind {
        TEXT,
        CODED,
        WHOLE,
        YES_NO,
        LIST,
        LINES,
        TEXT_OR_NULL
    }

    record Column(String name, String label, Kind kind) {
        String header() {
            return label + " (" + name + ")";
        }
    }

    static final List<Column> ITEM_COLUMNS = List.of(
            new Column("code", "事项编码", Kind.TEXT),
            new Column("name", "事项名称", Kind.TEXT),
            new Column("type", "事项类型", Kind.CODED),
            new Column(ItemElements.SERVICE_OBJECT, "服务对象", Kind.CODED),
            new Column("department", "实施部门", Kind.TEXT),
            new Column(ItemElements.HANDLING_TIER, "办理层级", Kind.CODED),
            new Column(ItemElements.INTAKE_TIERS, "受理层级", Kind.LIST),
            new Column(ItemElements.ON_THE_SPOT, "即办件", Kind.YES_NO),
            new Column(ItemElements.COMMITMENT_ALLOWED, "可告知承诺", Kind.YES_NO),
            new Column(ItemElements.STATUTORY_LIMIT_DAYS, "法定时限（工作日）", Kind.WHOLE),
            new Column(ItemElements.PROMISED_LIMIT_DAYS, "承诺时限（工作日）", Kind.WHOLE),
            new Column(ItemElements.ONLINE_DEPTH, "网办深度", Kind.WHOLE),
            new Column(ItemElements.MAX_VISITS, "最多跑动次数", Kind.WHOLE),
            new Column(ItemElements.THEMES, "主题", Kind.LIST),
            new Column(ItemElements.LIFE_EVENTS, "人生事件", Kind.LIST),
            new Column(ItemElements.LEGAL_BASIS, "设定依据", Kind.LINES),
            new Column(ItemElements.CONDITIONS, "受理条件", Kind.LINES),
            new Column(ItemElements.ACCEPTANCE_CRITERIA, "审查标准", Kind.LINES),
            new Column(ItemElements.RESULT_TYPE, "办理结果类型", Kind.CODED),
            new Column(ItemElements.RESULT_LICENSE_TYPE, "结果证照类型", Kind.TEXT_OR_NULL),
            new Column(ItemElements.ALIASES, "别名（常用叫法）", Kind.LIST));

    static final String ITEM_CODE = "itemCode";

    static final List<Column> MATERIAL_COLUMNS = List.of(
            new Column(ITEM_CODE, "事项编码", Kind.TEXT),
            new Column("code", "材料编码", Kind.TEXT),
            new Column("name", "材料名称", Kind.TEXT),
            new Column("form", "材料形式", Kind.CODED),
            new Column("copies", "份数", Kind.WHOLE),
            new Column("mandatory", "是否必需", Kind.YES_NO),
            new Column("sources", "来源", Kind.LIST),
            new Column("note", "备注", Kind.TEXT));

    private static final Pattern SHORT_LIST = Pattern.compile("[,，、;；\\n]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");

    private CatalogWorkbook() {}

    // --- reading ---------------------------------------------------------------------------------------

    /** The columns as the kernel's reader finds them: by name, by label, or by a label with the name in brackets. */
    private static List<ImportColumn> importColumns(List<Column> columns, List<String> required) {
        return columns.stream()
                .map(column -> {
                    ImportColumn read = ImportColumn.of(column.name())
                            .headed(column.header())
                            .alsoNamed(column.label());
                    if (required.contains(column.name())) {
                        read = read.required();
                    }
                    if (column.name().equals("code") || column.name().equals(ITEM_CODE)) {
                        read = read.asCode();
                    }
                    // The materials of one item are often listed under its code written once, merged down.
                    return column.name().equals(ITEM_CODE) ? read.fillingMergedCells() : read;
                })
                .toList();
    }

    private static final List<ImportColumn> ITEM_IMPORT = importColumns(ITEM_COLUMNS, ItemRules.REQUIRED);
    private static final List<ImportColumn> MATERIAL_IMPORT =
            importColumns(MATERIAL_COLUMNS, List.of(ITEM_CODE, "code", "name"));

    /**
     * @throws org.onewindow.kernel.imports.ImportTooLargeException over the kernel's {@link ImportLimits#DEFAULT}
     */
    static ParsedCatalog read(byte[] xlsx) {
        Optional<XlsxWorkbook> opened = XlsxWorkbook.open(xlsx, ImportLimits.DEFAULT);
        if (opened.isEmpty()) {
            return ParsedCatalog.refused(RowError.ofFile("", "", "catalog.import.file.unreadable"));
        }
        try (XlsxWorkbook workbook = opened.get()) {
            return read(workbook);
        }
    }

    private static ParsedCatalog read(XlsxWorkbook workbook) {
        Optional<ImportedTable> itemSheet = workbook.sheet(ITEM_IMPORT, ITEMS_SHEET, "items");
        if (itemSheet.isEmpty()) {
            return ParsedCatalog.refused(RowError.ofFile(ITEMS_SHEET, "", "catalog.import.sheet.missing", ITEMS_SHEET));
        }
        String itemSheetName = sheetName(workbook, ITEMS_SHEET, "items");
        String materialSheetName = sheetName(workbook, MATERIALS_SHEET, "materials");
        Optional<ImportedTable> materialSheet = workbook.sheet(MATERIAL_IMPORT, MATERIALS_SHEET, "materials");
        List<RowError> errors = new ArrayList<>();
        itemSheet.get().problems().forEach(problem -> errors.add(error(itemSheetName, problem)));
        materialSheet.ifPresent(
                sheet -> sheet.problems().forEach(problem -> errors.add(error(materialSheetName, problem))));
        if (itemSheet.get().headerLine() == 0
                || materialSheet.map(sheet -> sheet.headerLine() == 0).orElse(false)) {
            return new ParsedCatalog(List.of(), errors);
        }
        // The materials, by item code, each with its row.
        Map<String, List<Where>> materialRows = new HashMap<>();
        Map<String, JsonArrayBuilder> materials = new HashMap<>();
        for (ImportedRow row : materialSheet.map(ImportedTable::rows).orElse(List.of())) {
            Where where = where(materialSheetName, row);
            JsonObject material = values(row, MATERIAL_COLUMNS).build();
            String itemCode = material.getString(ITEM_CODE, "").strip();
            if (itemCode.isEmpty()) {
                errors.add(where.error(ITEM_CODE, "catalog.import.required", ITEM_CODE));
                continue;
            }
            JsonObjectBuilder without = Json.createObjectBuilder(material).remove(ITEM_CODE);
            materials.computeIfAbsent(itemCode, c -> Json.createArrayBuilder()).add(without);
            materialRows.computeIfAbsent(itemCode, c -> new ArrayList<>()).add(where);
        }
        Set<String> replaced = new HashSet<>(itemSheet.get().columns());
        if (materialSheet.isPresent()) {
            replaced.add(ItemElements.MATERIALS);
        }
        List<ImportedItem> items = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (ImportedRow row : itemSheet.get().rows()) {
            JsonObject read = values(row, ITEM_COLUMNS).build();
            JsonObjectBuilder elements = Json.createObjectBuilder(read);
            String code = read.getString("code", "").strip();
            List<Where> rows = List.of();
            if (materialSheet.isPresent()) {
                boolean first = claimed.add(code);
                elements.add(
                        ItemElements.MATERIALS,
                        first && materials.containsKey(code) ? materials.get(code) : Json.createArrayBuilder());
                rows = first ? materialRows.getOrDefault(code, List.of()) : List.of();
            }
            items.add(new ImportedItem(where(itemSheetName, row), elements.build(), replaced, rows));
        }
        materialRows.forEach((itemCode, rows) -> {
            if (!claimed.contains(itemCode)) {
                rows.forEach(
                        where -> errors.add(where.error(ITEM_CODE, "catalog.import.material.item.unknown", itemCode)));
            }
        });
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.ofFile(itemSheetName, "", "catalog.import.items.required"));
        }
        return new ParsedCatalog(items, errors);
    }

    private static String sheetName(XlsxWorkbook workbook, String... names) {
        for (String sheet : workbook.sheetNames()) {
            for (String name : names) {
                if (sheet.strip().equalsIgnoreCase(name)) {
                    return sheet;
                }
            }
        }
        return names[0];
    }

    private static RowError error(String sheet, ImportProblem problem) {
        return new RowError(
                sheet, problem.line(), problem.column(), problem.cell(), problem.key(), problem.arguments());
    }

    private static Where where(String sheet, ImportedRow row) {
        return new Where(sheet, row.line(), row.cells(), "");
    }

    private static JsonObjectBuilder values(ImportedRow row, List<Column> columns) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        for (Column column : columns) {
            if (!row.values().containsKey(column.name())) {
                continue;
            }
            JsonValue value = value(row.get(column.name()), column);
            if (value != null) {
                values.add(column.name(), value);
            }
        }
        return values;
    }

    /**
     * The cell's text (as the kernel's reader gives it: trimmed, numbers exact, booleans TRUE/FALSE) as the column's
     * kind of value; what does not read as that kind stays text, for the rules to name; null when blank.
     */
    private static JsonValue value(String text, Column column) {
        return switch (column.kind()) {
            case TEXT -> text.isEmpty() ? null : Json.createValue(text);
            case TEXT_OR_NULL -> text.isEmpty() ? JsonValue.NULL : Json.createValue(text);
            case CODED -> text.isEmpty() ? null : Json.createValue(ItemRules.code(column.name(), text));
            case WHOLE -> whole(text);
            case YES_NO -> yesNo(text);
            case LIST -> list(SHORT_LIST.split(text), column.name());
            case LINES -> list(LINE_BREAK.split(text), column.name());
        };
    }

    private static JsonValue whole(String text) {
        if (text.isEmpty()) {
            return null;
        }
        try {
            return Json.createValue(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Json.createValue(text);
        }
    }

    private static JsonValue yesNo(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "" -> null;
            case "是", "true", "yes", "y" -> JsonValue.TRUE;
            case "否", "false", "no", "n" -> JsonValue.FALSE;
            default -> Json.createValue(text);
        };
    }

    private static JsonArray list(String[] parts, String column) {
        JsonArrayBuilder list = Json.createArrayBuilder();
        for (String part : parts) {
            String value = part.strip();
            if (!value.isEmpty()) {
                list.add(column.equals(ItemElements.INTAKE_TIERS) ? ItemRules.code(column, value) : value);
            }
        }
        return list.build();
    }

    // --- writing ---------------------------------------------------------------------------------------

    /** The workbook of the items (their elements), in the layout {@link #read} reads. */
    static byte[] write(List<JsonObject> items) {
        try (XSSFWorkbook workbook = new XSSFWorkbook();
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            CellStyle bold = workbook.createCellStyle();
            Font font = workbook.createFont();
            font.setBold(true);
            bold.setFont(font);
            CellStyle wrap = workbook.createCellStyle();
            wrap.setWrapText(true);
            Sheet itemSheet = headed(workbook, ITEMS_SHEET, ITEM_COLUMNS, bold);
            Sheet materialSheet = headed(workbook, MATERIALS_SHEET, MATERIAL_COLUMNS, bold);
            int itemRow = 1;
            int materialRow = 1;
            for (JsonObject item : items) {
                write(itemSheet.createRow(itemRow++), ITEM_COLUMNS, item, wrap);
                if (item.get(ItemElements.MATERIALS) instanceof JsonArray list) {
                    for (JsonValue material : list) {
                        if (material instanceof JsonObject object) {
                            JsonObject keyed = Json.createObjectBuilder(object)
                                    .add(ITEM_CODE, item.getString("code", ""))
                                    .build();
                            write(materialSheet.createRow(materialRow++), MATERIAL_COLUMNS, keyed, wrap);
                        }
                    }
                }
            }
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Sheet headed(Workbook workbook, String name, List<Column> columns, CellStyle bold) {
        Sheet sheet = workbook.createSheet(name);
        Row header = sheet.createRow(0);
        for (int i = 0; i < columns.size(); i++) {
            Cell cell = header.createCell(i);
            cell.setCellValue(columns.get(i).header());
            cell.setCellStyle(bold);
            sheet.setColumnWidth(i, 24 * 256);
        }
        sheet.createFreezePane(0, 1);
        return sheet;
    }

    private static void write(Row row, List<Column> columns, JsonObject values, CellStyle wrap) {
        for (int i = 0; i < columns.size(); i++) {
            Column column = columns.get(i);
            JsonValue value = values.get(column.name());
            if (value == null || value == JsonValue.NULL) {
                continue;
            }
            Cell cell = row.createCell(i);
            switch (value) {
                case JsonNumber number -> cell.setCellValue(number.doubleValue());
                case JsonString text -> cell.setCellValue(text.getString());
                case JsonArray list -> {
                    String separator = column.kind() == Kind.LINES ? "\n" : "、";
                    cell.setCellValue(list.stream()
                            .map(v -> v instanceof JsonString s ? s.getString() : v.toString())
                            .collect(Collectors.joining(separator)));
                    if (column.kind() == Kind.LINES) {
                        cell.setCellStyle(wrap);
                    }
                }
                default -> {
                    if (value.getValueType() == JsonValue.ValueType.TRUE
                            || value.getValueType() == JsonValue.ValueType.FALSE) {
                        cell.setCellValue(value.getValueType() == JsonValue.ValueType.TRUE ? "是" : "否");
                    } else {
                        cell.setCellValue(value.toString());
                    }
                }
            }
        }
    }
}
