package dev.dbbench.core.postgres;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Reader;
import java.util.Iterator;
import java.util.Objects;

/**
 * The rows of {@code COPY products (name, price, tags, metadata) FROM STDIN} in text format,
 * produced one product at a time as the driver reads: memory stays at one row plus the driver's
 * buffer however many products the iterator yields (a 100,000-row COPY never exists as one string).
 */
final class ProductCopyReader extends Reader {
    private final Iterator<? extends NewProduct> products;
    private final ObjectMapper json;
    private final StringBuilder row = new StringBuilder(256);
    private int position;
    private long rows;

    ProductCopyReader(Iterator<? extends NewProduct> products, ObjectMapper json) {
        this.products = Objects.requireNonNull(products, "products");
        this.json = json;
    }

    @Override
    public int read(char[] buffer, int offset, int length) throws IOException {
        Objects.checkFromIndexSize(offset, length, buffer.length);
        if (length == 0) {
            return 0;
        }
        int written = 0;
        while (written < length) {
            if (position == row.length() && !nextRow()) {
                break;
            }
            int n = Math.min(length - written, row.length() - position);
            row.getChars(position, position + n, buffer, offset + written);
            position += n;
            written += n;
        }
        return written == 0 ? -1 : written;
    }

    /** How many rows were handed to the driver so far. */
    long rows() {
        return rows;
    }

    private boolean nextRow() throws IOException {
        row.setLength(0);
        position = 0;
        if (!products.hasNext()) {
            return false;
        }
        NewProduct p = Objects.requireNonNull(products.next(), "products must not hold null");
        PgText.appendCopyField(row, p.name());
        row.append('\t').append(p.price().toPlainString()).append('\t');
        PgText.appendCopyField(row, PgText.arrayLiteral(p.tags()));
        row.append('\t');
        try {
            PgText.appendCopyField(row, json.writeValueAsString(p.metadata()));
        } catch (JsonProcessingException e) {
            throw new IOException("metadata of \"" + NewProduct.abbreviate(p.name()) + "\" cannot be written as JSON: " + e.getOriginalMessage(), e);
        }
        row.append('\n');
        rows++;
        return true;
    }

    @Override
    public void close() {
        // Nothing to release: the iterator belongs to the caller.
    }
}
