package app.segmenta.catalog;

import org.apache.jena.graph.Node;
import org.apache.jena.sparql.core.Quad;
import org.apache.jena.sparql.modify.request.QuadDataAcc;
import org.apache.jena.sparql.modify.request.UpdateDataDelete;
import org.apache.jena.sparql.modify.request.UpdateDataInsert;
import org.apache.jena.update.UpdateRequest;

import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A remote write's changes, not yet sent: the quads to delete and to add, each quad in at most one of them (the
 * last change wins). Deleting a quad the server lacks, or adding one it has, does nothing there, so neither needs
 * asking about first.
 */
final class PendingChanges {

    private final Set<Quad> added = new LinkedHashSet<>();
    /** The added quads by subject: finds name one, and scanning every added quad for each would be quadratic. */
    private final Map<Node, Set<Quad>> addedBySubject = new HashMap<>();
    private final Set<Quad> deleted = new LinkedHashSet<>();

    void add(Quad q) {
        deleted.remove(q);
        if (added.add(q)) {
            addedBySubject.computeIfAbsent(q.getSubject(), k -> new LinkedHashSet<>()).add(q);
        }
    }

    void delete(Quad q) {
        if (added.remove(q)) {
            addedBySubject.get(q.getSubject()).remove(q);
        }
        deleted.add(q);
    }

    boolean isEmpty() {
        return added.isEmpty() && deleted.isEmpty();
    }

    boolean deletes() {
        return !deleted.isEmpty();
    }

    boolean isAdded(Quad q) {
        return added.contains(q);
    }

    boolean isDeleted(Quad q) {
        return deleted.contains(q);
    }

    /** The added quads about this subject; all of them when it is a wildcard. */
    Collection<Quad> addedAbout(Node subject) {
        return subject != null && subject.isConcrete() ? addedBySubject.getOrDefault(subject, Set.of()) : added;
    }

    Collection<Quad> added() {
        return added;
    }

    Collection<Quad> deleted() {
        return deleted;
    }

    /** All of it as one SPARQL update: the server applies the deletes, then the inserts, in one transaction. */
    UpdateRequest asUpdate() {
        UpdateRequest request = new UpdateRequest();
        if (!deleted.isEmpty()) {
            request.add(new UpdateDataDelete(new QuadDataAcc(List.copyOf(deleted))));
        }
        if (!added.isEmpty()) {
            request.add(new UpdateDataInsert(new QuadDataAcc(List.copyOf(added))));
        }
        return request;
    }

    void clear() {
        added.clear();
        addedBySubject.clear();
        deleted.clear();
    }
}
