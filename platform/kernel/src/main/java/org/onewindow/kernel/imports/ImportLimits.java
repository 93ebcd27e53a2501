package org.onewindow.kernel.imports;

/**
 * How large an imported file may be, so that no upload can exhaust the server's memory: the bytes sent, the bytes
 * a workbook unpacks to (an .xlsx is a zip; a small one can unpack to gigabytes), and the rows that are not blank.
 *
 * @param maxBytes the file as uploaded, in bytes
 * @param maxUnpackedBytes all parts of a workbook together once unpacked, in bytes
 * @param maxRows the rows that are not blank, header excluded, per table
 */
public record ImportLimits(long maxBytes, long maxUnpackedBytes, int maxRows) {

    /** 5 MiB, 100 MiB unpacked, 50 000 rows: a county's division list or a catalog of a few thousand items fits. */
    public static final ImportLimits DEFAULT = new ImportLimits(5L << 20, 100L << 20, 50_000);

    static long mebibytes(long bytes) {
        return bytes >> 20;
    }
}
