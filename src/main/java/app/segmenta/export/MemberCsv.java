package app.segmenta.export;

import app.segmenta.catalog.CustomerAttribute;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A member list as CSV: customer_id, the list's own columns, then one column per customer attribute that any
 * listed customer has (the built-in ones in their usual order, then those a mapping file named, by name). Every
 * text cell goes through {@link Exporter#safe}.
 */
final class MemberCsv {

    /** @param cells the list's own columns for this customer */
    record Row(String customerId, List<Object> cells) {
    }

    private MemberCsv() {
    }

    static void write(Writer w, List<String> own, List<Row> rows, Map<String, Map<String, String>> attributes)
            throws IOException {
        List<String> keys = attributeKeys(attributes.values());
        List<String> header = new ArrayList<>(List.of("customer_id"));
        header.addAll(own);
        for (String key : keys) {
            header.add(Exporter.safe(header.contains(key) ? "attribute_" + key : key));
        }
        try (CSVPrinter p = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader(header.toArray(String[]::new)).get())) {
            for (Row row : rows) {
                List<Object> record = new ArrayList<>();
                record.add(Exporter.safe(row.customerId()));
                row.cells().forEach(c -> record.add(c instanceof String s ? Exporter.safe(s) : c));
                Map<String, String> a = attributes.getOrDefault(row.customerId(), Map.of());
                keys.forEach(k -> record.add(Exporter.safe(a.get(k))));
                p.printRecord(record);
            }
        }
    }

    private static List<String> attributeKeys(Collection<Map<String, String>> attributes) {
        Set<String> present = new java.util.HashSet<>();
        attributes.forEach(a -> present.addAll(a.keySet()));
        Set<String> keys = new LinkedHashSet<>();
        for (CustomerAttribute a : CustomerAttribute.values()) {
            if (present.remove(a.key())) {
                keys.add(a.key());
            }
        }
        keys.addAll(new TreeSet<>(present));
        return List.copyOf(keys);
    }
}
