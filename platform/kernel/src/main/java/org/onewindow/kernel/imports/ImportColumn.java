package org.onewindow.kernel.imports;

import java.util.List;

/**
 * A column an import reads, found by its header in any position: the header cell may be the column's name
 * ({@code parent_code}), its display header ({@code 上级区划代码}), one of its aliases, or a label with the name in
 * brackets ({@code 承诺时限（工作日） (promisedLimitDays)}); case, surrounding spaces and full-width spaces do not
 * matter.
 *
 * @param name the name rows are read by and errors are reported with
 * @param header how messages name the column to a person
 * @param aliases other headers that name it
 * @param headerRequired whether a file without this column is refused
 * @param valueRequired whether a row with this column empty is refused
 * @param code whether the values are codes (区划代码, 事项编码): a code Excel turned into a number is read back as
 *     its digits ({@code 370321001000.0} → {@code 370321001000}), and one in scientific notation ({@code
 *     3.70321E+11}) is refused, because its digits are lost
 * @param fillsMergedCells whether a cell merged over several rows gives its value to each of them (a parent code
 *     written once for its villages); otherwise a merged cell is refused in this column, since each row needs its
 *     own value there
 */
public record ImportColumn(
        String name,
        String header,
        List<String> aliases,
        boolean headerRequired,
        boolean valueRequired,
        boolean code,
        boolean fillsMergedCells) {

    public ImportColumn {
        aliases = List.copyOf(aliases);
    }

    /** An optional column of text, named in messages by its name. */
    public static ImportColumn of(String name) {
        return new ImportColumn(name, name, List.of(), false, false, false, false);
    }

    public ImportColumn headed(String display) {
        return new ImportColumn(name, display, aliases, headerRequired, valueRequired, code, fillsMergedCells);
    }

    public ImportColumn alsoNamed(String... more) {
        return new ImportColumn(name, header, List.of(more), headerRequired, valueRequired, code, fillsMergedCells);
    }

    /** The file must have this column; its cells may be empty. */
    public ImportColumn required() {
        return new ImportColumn(name, header, aliases, true, valueRequired, code, fillsMergedCells);
    }

    /** The file must have this column, and every row a value in it. */
    public ImportColumn requiringValue() {
        return new ImportColumn(name, header, aliases, true, true, code, fillsMergedCells);
    }

    public ImportColumn asCode() {
        return new ImportColumn(name, header, aliases, headerRequired, valueRequired, true, fillsMergedCells);
    }

    public ImportColumn fillingMergedCells() {
        return new ImportColumn(name, header, aliases, headerRequired, valueRequired, code, true);
    }
}
