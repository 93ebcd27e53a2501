package org.onewindow.catalog.transfer;

import jakarta.json.JsonArray;
import jakarta.json.JsonArrayBuilder;
import jakarta.json.JsonNumber;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import jakarta.json.JsonValue;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.CellStyle;
import org.apache.poi.ss.usermodel.CellType;
import org.apache.poi.ss.usermodel.DataFormatter;
import org.apache.poi.ss.usermodel.Font;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.ss.usermodel.Workbook;
import org.apache.poi.ss.util.CellReference;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.onewindow.kernel.json.Json;

/**
 * The standard catalog as an Excel workbook (.xlsx), the way counties keep their item lists: sheet {@code 事项}
 * has one row per item, sheet {@code 材料} one row per material, keyed by the item's code. Row 1 holds the
 * headers, each a Chinese label with the element's name in brackets ({@code 承诺时限（工作日） (promisedLimitDays)});
 * a header of the bare name reads too, and columns are found by name, in any order. Short lists (themes, tiers,
 * sources) are separated by 、 or a comma, long ones (legal basis, conditions, criteria) by line breaks; yes/no is
 * 是/否 (true/false reads too); coded values are the codes ({@code PUBLIC_SERVICE}) or their labels (公共服务).
 * The workbook has no columns for fees or the process: an existing item keeps those of its version in force.
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
            new Column("serviceObject", "服务对象", Kind.CODED),
            new Column("department", "实施部门", Kind.TEXT),
            new Column("handlingTier", "办理层级", Kind.CODED),
            new Column("intakeTiers", "受理层级", Kind.LIST),
            new Column("onTheSpot", "即办件", Kind.YES_NO),
            new Column("commitmentAllowed", "可告知承诺", Kind.YES_NO),
            new Column("statutoryLimitDays", "法定时限（工作日）", Kind.WHOLE),
            new Column("promisedLimitDays", "承诺时限（工作日）", Kind.WHOLE),
            new Column("onlineDepth", "网办深度", Kind.WHOLE),
            new Column("maxVisits", "最多跑动次数", Kind.WHOLE),
            new Column("themes", "主题", Kind.LIST),
            new Column("lifeEvents", "人生事件", Kind.LIST),
            new Column("legalBasis", "设定依据", Kind.LINES),
            new Column("conditions", "受理条件", Kind.LINES),
            new Column("acceptanceCriteria", "审查标准", Kind.LINES),
            new Column("resultType", "办理结果类型", Kind.CODED),
            new Column("resultLicenseType", "结果证照类型", Kind.TEXT_OR_NULL));

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

    private static final Pattern NAME_IN_BRACKETS = Pattern.compile("[(（]\\s*([A-Za-z]+)\\s*[)）]\\s*$");
    private static final Pattern SHORT_LIST = Pattern.compile("[,，、;；\\n]");
    private static final Pattern LINE_BREAK = Pattern.compile("\\r?\\n");
    private static final DataFormatter FORMATTER = new DataFormatter(Locale.ROOT);

    private CatalogWorkbook() {}

    // --- reading ---------------------------------------------------------------------------------------

    static ParsedCatalog read(byte[] xlsx) {
        try (Workbook workbook = new XSSFWorkbook(new ByteArrayInputStream(xlsx))) {
            return read(workbook);
        } catch (IOException | RuntimeException e) {
            // Not a workbook, a damaged one, or one POI refuses (e.g. a zip bomb): the same answer to the user.
            return ParsedCatalog.refused(RowError.ofFile("", "", "catalog.import.file.unreadable"));
        }
    }

    private static ParsedCatalog read(Workbook workbook) {
        Sheet itemSheet = sheet(workbook, ITEMS_SHEET, "items");
        if (itemSheet == null) {
            return ParsedCatalog.refused(RowError.ofFile(ITEMS_SHEET, "", "catalog.import.sheet.missing", ITEMS_SHEET));
        }
        List<RowError> errors = new ArrayList<>();
        Map<String, Integer> itemColumns = header(itemSheet, ITEM_COLUMNS, errors);
        Sheet materialSheet = sheet(workbook, MATERIALS_SHEET, "materials");
        Map<String, Integer> materialColumns =
                materialSheet == null ? Map.of() : header(materialSheet, MATERIAL_COLUMNS, errors);
        if (!errors.isEmpty()) {
            return new ParsedCatalog(List.of(), errors);
        }
        // The materials, by item code, each with its row.
        Map<String, List<Where>> materialRows = new HashMap<>();
        Map<String, JsonArrayBuilder> materials = new HashMap<>();
        if (materialSheet != null) {
            for (Row row : materialSheet) {
                if (row.getRowNum() == 0 || blank(row)) {
                    continue;
                }
                Where where = where(materialSheet, row, materialColumns);
                JsonObject material =
                        values(row, MATERIAL_COLUMNS, materialColumns).build();
                String itemCode = material.getString(ITEM_CODE, "").strip();
                if (itemCode.isEmpty()) {
                    errors.add(where.error(ITEM_CODE, "catalog.import.required", ITEM_CODE));
                    continue;
                }
                JsonObjectBuilder without = Json.createObjectBuilder(material).remove(ITEM_CODE);
                materials
                        .computeIfAbsent(itemCode, c -> Json.createArrayBuilder())
                        .add(without);
                materialRows.computeIfAbsent(itemCode, c -> new ArrayList<>()).add(where);
            }
        }
        Set<String> replaced = new HashSet<>(itemColumns.keySet());
        if (materialSheet != null) {
            replaced.add("materials");
        }
        List<ImportedItem> items = new ArrayList<>();
        Set<String> claimed = new HashSet<>();
        for (Row row : itemSheet) {
            if (row.getRowNum() == 0 || blank(row)) {
                continue;
            }
            JsonObject read = values(row, ITEM_COLUMNS, itemColumns).build();
            JsonObjectBuilder elements = Json.createObjectBuilder(read);
            String code = read.getString("code", "").strip();
            List<Where> rows = List.of();
            if (materialSheet != null) {
                boolean first = claimed.add(code);
                elements.add(
                        "materials",
                        first && materials.containsKey(code) ? materials.get(code) : Json.createArrayBuilder());
                rows = first ? materialRows.getOrDefault(code, List.of()) : List.of();
            }
            items.add(new ImportedItem(where(itemSheet, row, itemColumns), elements.build(), replaced, rows));
        }
        materialRows.forEach((itemCode, rows) -> {
            if (!claimed.contains(itemCode)) {
                rows.forEach(
                        where -> errors.add(where.error(ITEM_CODE, "catalog.import.material.item.unknown", itemCode)));
            }
        });
        if (items.isEmpty() && errors.isEmpty()) {
            errors.add(RowError.ofFile(itemSheet.getSheetName(), "", "catalog.import.items.required"));
        }
        return new ParsedCatalog(items, errors);
    }

    private static Sheet sheet(Workbook workbook, String... names) {
        for (Sheet sheet : workbook) {
            for (String name : names) {
                if (sheet.getSheetName().strip().equalsIgnoreCase(name)) {
                    return sheet;
                }
            }
        }
        return null;
    }

    /** Each known column's index, by element name; a required column missing is an error. */
    private static Map<String, Integer> header(Sheet sheet, List<Column> columns, List<RowError> errors) {
        Map<String, Integer> found = new LinkedHashMap<>();
        Row header = sheet.getRow(0);
        if (header != null) {
            Set<String> known = columns.stream().map(Column::name).collect(Collectors.toSet());
            for (Cell cell : header) {
                String name = nameOf(FORMATTER.formatCellValue(cell));
                if (known.contains(name)) {
                    found.putIfAbsent(name, cell.getColumnIndex());
                }
            }
        }
        List<String> required = columns == MATERIAL_COLUMNS ? List.of(ITEM_CODE, "code", "name") : ItemRules.REQUIRED;
        for (Column column : columns) {
            if (required.contains(column.name()) && !found.containsKey(column.name())) {
                errors.add(RowError.ofFile(
                        sheet.getSheetName(), column.name(), "catalog.import.column.missing", column.header()));
            }
        }
        return found;
    }

    /** {@code 承诺时限（工作日） (promisedLimitDays)} and {@code promisedLimitDays} both name promisedLimitDays. */
    static String nameOf(String header) {
        Matcher matcher = NAME_IN_BRACKETS.matcher(header.strip());
        return matcher.find() ? matcher.group(1) : header.strip();
    }

    private static Where where(Sheet sheet, Row row, Map<String, Integer> columns) {
        Map<String, String> cells = new HashMap<>();
        columns.forEach((name, index) -> cells.put(name, new CellReference(row.getRowNum(), index).formatAsString()));
        return new Where(sheet.getSheetName(), row.getRowNum() + 1, cells, "");
    }

    private static boolean blank(Row row) {
        for (Cell cell : row) {
            if (!FORMATTER.formatCellValue(cell).isBlank()) {
                return false;
            }
        }
        return true;
    }

    private static JsonObjectBuilder values(Row row, List<Column> columns, Map<String, Integer> present) {
        JsonObjectBuilder values = Json.createObjectBuilder();
        for (Column column : columns) {
            Integer index = present.get(column.name());
            if (index == null) {
                continue;
            }
            JsonValue value = value(row.getCell(index), column);
            if (value != null) {
                values.add(column.name(), value);
            }
        }
        return values;
    }

    /** The cell as the column's kind of value; what does not read as that kind stays text; null when blank. */
    private static JsonValue value(Cell cell, Column column) {
        String text = cell == null ? "" : FORMATTER.formatCellValue(cell).strip();
        return switch (column.kind()) {
            case TEXT -> text.isEmpty() ? null : Json.createValue(text);
            case TEXT_OR_NULL -> text.isEmpty() ? JsonValue.NULL : Json.createValue(text);
            case CODED -> text.isEmpty() ? null : Json.createValue(ItemRules.code(column.name(), text));
            case WHOLE -> whole(cell, text);
            case YES_NO -> yesNo(cell, text);
            case LIST -> list(SHORT_LIST.split(text), column.name());
            case LINES -> list(LINE_BREAK.split(text), column.name());
        };
    }

    private static JsonValue whole(Cell cell, String text) {
        if (text.isEmpty()) {
            return null;
        }
        if (cell.getCellType() == CellType.NUMERIC
                || (cell.getCellType() == CellType.FORMULA && cell.getCachedFormulaResultType() == CellType.NUMERIC)) {
            double number = cell.getNumericCellValue();
            if (number == Math.rint(number) && Math.abs(number) < Integer.MAX_VALUE) {
                return Json.createValue((int) number);
            }
            return Json.createValue(BigDecimal.valueOf(number));
        }
        try {
            return Json.createValue(Integer.parseInt(text));
        } catch (NumberFormatException e) {
            return Json.createValue(text);
        }
    }

    private static JsonValue yesNo(Cell cell, String text) {
        if (cell != null && cell.getCellType() == CellType.BOOLEAN) {
            return cell.getBooleanCellValue() ? JsonValue.TRUE : JsonValue.FALSE;
        }
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
                list.add(column.equals("intakeTiers") ? ItemRules.code(column, value) : value);
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
                if (item.get("materials") instanceof JsonArray list) {
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
