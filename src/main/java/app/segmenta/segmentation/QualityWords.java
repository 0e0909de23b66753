package app.segmenta.segmentation;

import app.segmenta.text.Counts;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** The quality numbers in plain words for a marketer. */
final class QualityWords {
    private QualityWords() {
    }

    static String summary(Double silhouette, Double daviesBouldin, Double stability, long unassigned, int customers) {
        List<String> parts = new ArrayList<>();
        if (silhouette != null) {
            String how = silhouette >= 0.5 ? "clearly apart" : silhouette >= 0.25 ? "fairly distinct"
                    : silhouette >= 0.1 ? "overlapping, with a real core each" : "heavily overlapping";
            parts.add(String.format(Locale.ROOT, "Segments are %s (silhouette %.2f, Davies–Bouldin %.2f).", how,
                    silhouette, daviesBouldin == null ? Double.NaN : daviesBouldin));
        }
        if (stability != null) {
            String how = stability >= 0.8 ? "stable: re-running with other seeds gives nearly the same segments"
                    : stability >= 0.5 ? "fairly stable: re-runs agree on most customers"
                    : "unstable: re-runs with other seeds group customers differently, so treat the boundaries as soft";
            parts.add(String.format(Locale.ROOT, "They are %s (adjusted Rand %.2f).", how, stability));
        }
        if (unassigned > 0) {
            parts.add(String.format(Locale.ROOT, "%,d of %s (%.0f%%) %s no segment and %s listed as unassigned.",
                    unassigned, Counts.of(customers, "customer"), 100.0 * unassigned / customers,
                    unassigned == 1 ? "fits" : "fit", unassigned == 1 ? "is" : "are"));
        }
        return String.join(" ", parts);
    }
}
