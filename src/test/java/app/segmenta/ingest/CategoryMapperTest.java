package app.segmenta.ingest;

import app.segmenta.catalog.Concept;
import app.segmenta.catalog.ConceptIndex;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CategoryMapperTest {

    private final CategoryMapper mapper = new CategoryMapper(new ConceptIndex(), CategorySimilarity.NONE);

    private List<String> path(String... levels) {
        return mapper.map(new ReviewRow.CategoryValue(String.join(" > ", levels), List.of(levels), true))
                .stream().map(Concept::label).toList();
    }

    private List<String> list(String raw) {
        List<String> labels = List.of(raw.split(",(?!\\s)"));
        return mapper.map(new ReviewRow.CategoryValue(raw, labels, false)).stream().map(Concept::label).toList();
    }

    @Test
    void aPathMapsToItsMostSpecificLevel() {
        assertThat(path("General", "Tops", "Knits")).containsExactly("Knit tops");
        assertThat(path("General Petite", "Bottoms", "Pants")).containsExactly("Pants");
        assertThat(path("Initmates", "Intimate", "Intimates")).containsExactly("Intimates");
        assertThat(path("General", "Tops", "Unknown Class")).containsExactly("Women's tops");
    }

    @Test
    void aLevelIsAlsoReadWithItsParent() {
        assertThat(path("Baby", "Toys")).containsExactly("Baby toys");
    }

    @Test
    void aRetailerListMapsWithinItsPrimaryDepartment() {
        assertThat(list("Household Essentials,Cleaning Supplies,Kitchen Cleaners,Cleaning Wipes,All-Purpose Cleaners,"
                + "Classroom Essentials,Featured Brands,Glass Cleaners,Food & Grocery,Paper Goods,Wipes,Cleaning Wipes & Pads"))
                .containsExactly("Cleaning wipes");
        assertThat(list("Baby,Nursery & Decor,Furniture,Rocking Chairs,Gliders & Rockers,Baby Gear,Nursery Furniture,"
                + "Gliders,Stork Craft,Rockers, Gliders,Living Room Furniture,Nursery Seating"))
                .containsExactly("Nursery furniture");
        assertThat(list("Movies, Music & Books,Music,R&b,Movies & TV")).containsExactly("Music");
    }

    @Test
    void nothingMatchingMeansUnmapped() {
        assertThat(path("Gizmos", "Widgets")).isEmpty();
        assertThat(list("Featured Brands,Target Restock")).isEmpty();
    }
}
