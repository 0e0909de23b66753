package app.segmenta.cli;

import io.quarkus.arc.Arc;
import jakarta.enterprise.context.ApplicationScoped;
import picocli.CommandLine;

/** Lets picocli create commands as CDI beans, so they get their services by constructor injection. */
@ApplicationScoped
public class CdiFactory implements CommandLine.IFactory {

    @Override
    public <K> K create(Class<K> type) throws Exception {
        var bean = Arc.container().instance(type);
        return bean.isAvailable() ? bean.get() : CommandLine.defaultFactory().create(type);
    }
}
