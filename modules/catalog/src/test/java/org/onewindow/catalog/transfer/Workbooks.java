package org.onewindow.catalog.transfer;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import org.apache.poi.ss.usermodel.Cell;
import org.apache.poi.ss.usermodel.Row;
import org.apache.poi.ss.usermodel.Sheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;

/** Workbooks as a county would fill them in, written with POI for the tests. */
final class Workbooks {

    private final XSSFWorkbook workbook = new XSSFWorkbook();

    /** A sheet with a header row and data rows; a cell is a String, a Number, a Boolean or null (empty). */
    Workbooks sheet(String name, String[] header, Object[]... rows) {
        Sheet sheet = workbook.createSheet(name);
        write(sheet.createRow(0), header);
        for (int i = 0; i < rows.length; i++) {
            write(sheet.createRow(i + 1), rows[i]);
        }
        return this;
    }

    byte[] bytes() {
        try (workbook;
                ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            workbook.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void write(Row row, Object[] cells) {
        for (int i = 0; i < cells.length; i++) {
            Cell cell = row.createCell(i);
            switch (cells[i]) {
                case null -> {}
                case Number number -> cell.setCellValue(number.doubleValue());
                case Boolean bool -> cell.setCellValue(bool);
                default -> cell.setCellValue(cells[i].toString());
            }
        }
    }
}
