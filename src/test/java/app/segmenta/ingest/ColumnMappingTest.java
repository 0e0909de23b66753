package app.segmenta.ingest;

import com.fasterxml.jackson.databind.ObjectMapper;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ColumnMappingTest {

    @Test
    void detectsTheWomensClothingExportIncludingItsThreeColumnCategoryPath() {
        ColumnMapping m = ColumnMapping.resolve("w.csv", List.of("", "Clothing ID", "Age", "Title", "Review Text", "Rating",
                "Recommended IND", "Positive Feedback Count", "Division Name", "Department Name", "Class Name"), null);
        assertThat(m.columnsOf(Field.TEXT)).containsExactly("Review Text");
        assertThat(m.columnsOf(Field.PRODUCT_ID)).containsExactly("Clothing ID");
        assertThat(m.columnsOf(Field.AGE)).containsExactly("Age");
        assertThat(m.columnsOf(Field.CATEGORIES)).containsExactly("Division Name", "Department Name", "Class Name");
        assertThat(m.ignoredColumns()).containsExactly("", "Recommended IND", "Positive Feedback Count");
    }

    @Test
    void detectsTheMultiCategoryExport() {
        ColumnMapping m = ColumnMapping.resolve("m.csv", List.of("id", "brand", "categories", "manufacturer", "name",
                "reviews_date", "reviews_didPurchase", "reviews_doRecommend", "reviews_rating", "reviews_text",
                "reviews_title", "reviews_userCity", "reviews_userProvince", "reviews_username", "user_sentiment"), null);
        assertThat(m.describe()).containsEntry("text", "reviews_text").containsEntry("customerId", "reviews_username")
                .containsEntry("rating", "reviews_rating").containsEntry("date", "reviews_date")
                .containsEntry("categories", "categories").containsEntry("brand", "brand")
                .containsEntry("productName", "name").containsEntry("city", "reviews_userCity")
                .containsEntry("region", "reviews_userProvince");
        assertThat(m.columnsOf(Field.PRODUCT_ID)).as("a bare 'id' is ambiguous: left to the mapping file").isEmpty();
    }

    @Test
    void mappingFileOverridesDetectionAndCanTurnAFieldOff() throws Exception {
        MappingFile file = MappingFile.parse(new ObjectMapper().readTree(
                "{\"columns\": {\"productId\": \"id\", \"title\": null}, \"defaultCategory\": \"Baby\"}"), "x.json");
        ColumnMapping m = ColumnMapping.resolve("m.csv", List.of("id", "name", "review", "title"), file);
        assertThat(m.columnsOf(Field.PRODUCT_ID)).containsExactly("id");
        assertThat(m.columnsOf(Field.TITLE)).isEmpty();
        assertThat(m.defaultCategory()).isEqualTo("Baby");
    }

    @Test
    void problemsAreNamedWithTheColumnsTheFileHas() throws Exception {
        assertThatThrownBy(() -> ColumnMapping.resolve("a.csv", List.of("foo", "bar"), null))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("no review-text column")
                .hasMessageContaining("foo, bar");
        MappingFile wrongColumn = MappingFile.parse(new ObjectMapper().readTree("{\"columns\": {\"text\": \"body\"}}"), "m.json");
        assertThatThrownBy(() -> ColumnMapping.resolve("a.csv", List.of("review"), wrongColumn))
                .hasMessageContaining("no such column");
        MappingFile wrongField = MappingFile.parse(new ObjectMapper().readTree("{\"columns\": {\"stars\": \"review\"}}"), "m.json");
        assertThatThrownBy(() -> ColumnMapping.resolve("a.csv", List.of("review"), wrongField))
                .hasMessageContaining("'stars' is unknown");
        MappingFile badName = MappingFile.parse(new ObjectMapper().readTree("{\"attributes\": {\"a b\": \"review\"}}"), "m.json");
        assertThatThrownBy(() -> ColumnMapping.resolve("a.csv", List.of("review"), badName))
                .hasMessageContaining("Attribute name 'a b'");
        assertThatThrownBy(() -> MappingFile.parse(new ObjectMapper().readTree("{\"colums\": {}}"), "m.json"))
                .isInstanceOf(InvalidSourceException.class).hasMessageContaining("not understood");
    }
}
