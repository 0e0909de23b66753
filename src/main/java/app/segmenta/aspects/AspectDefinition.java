package app.segmenta.aspects;

import java.util.List;

/**
 * One aspect of the ontology's aspect scheme, with the example phrases its detectors learn from.
 *
 * @param name the local name of its IRI ("shipping"), which also names its column in the training set and its cues
 */
public record AspectDefinition(String iri, String name, String label, List<String> complaintExamples,
                               List<String> praiseExamples) {
}
