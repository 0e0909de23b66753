package app.segmenta.aspects;

import app.segmenta.catalog.CatalogService;
import app.segmenta.catalog.ConceptIndex;
import app.segmenta.catalog.GraphStore;
import app.segmenta.catalog.Vocab;
import app.segmenta.ingest.ImportListener;
import app.segmenta.ingest.ImportOptions;
import app.segmenta.ingest.ImportSummary;
import app.segmenta.ingest.Importer;
import app.segmenta.search.Embedder;
import app.segmenta.search.EmbeddingListener;
import app.segmenta.search.ReviewVectors;
import org.apache.jena.graph.Node;
import org.apache.jena.graph.NodeFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** Aspects are read once per review version and detector; an edited review is read again, leaving nothing stale. */
class ReviewAspectsTest {

    @TempDir
    Path dir;

    @Test
    void onlyNewOrChangedReviewsAreReadAgainAndNothingStaleIsLeft() throws IOException {
        Path file = dir.resolve("orders.csv");
        Files.writeString(file, """
                customer_id,product_name,category,rating,review_text
                a1,Bottle Set,Baby > Feeding,1,"Order never arrived, and the seller would not answer."
                a2,Cozy Crib,Baby > Nursery Furniture,5,"Sturdy crib, easy to assemble, my daughter sleeps well."
                a3,Wrap Dress,Apparel > Dresses,1,"Terrible. So disappointed, this is the worst thing I ever bought, I am sending it back."
                """, StandardCharsets.UTF_8);
        Embedder embedder = new Embedder("all-minilm-l6-v2-q", Path.of("target/djl-cache"));
        try (GraphStore store = new GraphStore(dir.resolve("tdb2"));
             ReviewVectors vectors = new ReviewVectors(store, embedder, dir.resolve("vectors"), 64)) {
            Importer importer = new Importer(store, new ConceptIndex(), 100);
            ReviewAspects aspects = new ReviewAspects(store, new CatalogService(store, new ConceptIndex()), vectors, new AspectDetectors(embedder, dir.resolve("aspects")));
            importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);

            AspectSummary before = aspects.detectPending(AspectListener.NONE, line -> { });
            assertThat(before.reviews()).isZero();
            assertThat(before.waiting()).as("no vectors yet: nothing read, nothing stamped").isEqualTo(3);

            vectors.embedPending(EmbeddingListener.NONE);
            AspectSummary first = aspects.detectPending(AspectListener.NONE, line -> { });
            assertThat(first.reviews()).isEqualTo(3);
            assertThat(first.complaints()).containsKey("shipping");
            assertThat(first.complaints()).as("an angry review is not a complaint about every untrained aspect")
                    .doesNotContainKeys("taste", "scent", "safety", "appearance", "comfort", "price", "packaging");
            assertThat(complaintsAboutShipping(store)).containsExactly("Order never arrived, and the seller would not answer.");
            int mentions = mentionNodes(store);
            assertThat(mentions).isPositive();

            AspectSummary again = aspects.detectPending(AspectListener.NONE, line -> { });
            assertThat(again.reviews()).isZero();
            assertThat(again.unchanged()).isEqualTo(3);

            Files.writeString(file, """
                    customer_id,product_name,category,rating,review_text
                    a1,Bottle Set,Baby > Feeding,5,"Lovely bottles, my son drinks from them happily."
                    a2,Cozy Crib,Baby > Nursery Furniture,5,"Sturdy crib, easy to assemble, my daughter sleeps well."
                    a3,Wrap Dress,Apparel > Dresses,1,"Terrible. So disappointed, this is the worst thing I ever bought, I am sending it back."
                    """, StandardCharsets.UTF_8);
            ImportSummary edited = importer.importFile(file, ImportOptions.DEFAULTS, ImportListener.NONE);
            assertThat(edited.updated()).isEqualTo(1);
            assertThat(mentionNodes(store)).as("the edited review's mentions went with its old text")
                    .isLessThan(mentions);
            vectors.embedPending(EmbeddingListener.NONE);
            AspectSummary reread = aspects.detectPending(AspectListener.NONE, line -> { });
            assertThat(reread.reviews()).isEqualTo(1);
            assertThat(complaintsAboutShipping(store)).isEmpty();
            assertThat(orphanMentions(store)).isZero();
        }
    }

    private static List<String> complaintsAboutShipping(GraphStore store) {
        Node shipping = NodeFactory.createURI(Vocab.ASPECT + "shipping");
        return store.read(dsg -> {
            var data = GraphStore.dataGraph(dsg);
            List<String> texts = new ArrayList<>();
            data.find(Node.ANY, Vocab.COMPLAINS_ABOUT, shipping).forEachRemaining(t -> texts.add(
                    data.find(t.getSubject(), Vocab.TEXT, Node.ANY).next().getObject().getLiteralLexicalForm()));
            return texts;
        });
    }

    private static int mentionNodes(GraphStore store) {
        return store.read(dsg -> GraphStore.dataGraph(dsg).find(Node.ANY, Vocab.TYPE, Vocab.ASPECT_MENTION_CLASS).toList().size());
    }

    /** Mention nodes no review points at. */
    private static long orphanMentions(GraphStore store) {
        return store.read(dsg -> {
            var data = GraphStore.dataGraph(dsg);
            return data.find(Node.ANY, Vocab.TYPE, Vocab.ASPECT_MENTION_CLASS).toList().stream()
                    .filter(t -> !data.find(Node.ANY, Vocab.ASPECT_MENTION, t.getSubject()).hasNext()).count();
        });
    }
}
