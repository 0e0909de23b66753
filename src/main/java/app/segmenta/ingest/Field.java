package app.segmenta.ingest;

import app.segmenta.catalog.CustomerAttribute;

import java.util.List;
import java.util.Optional;

/**
 * What a source column can hold, with the header names that auto-detection recognises (compared after
 * lower-casing and dropping everything but letters and digits, so "Review Text" and "reviews_text" both count).
 */
public enum Field {
    TEXT("text", null, "reviewtext", "reviewstext", "review", "reviews", "text", "body", "reviewbody", "comment",
            "comments", "content", "reviewcontent", "feedback"),
    TITLE("title", null, "title", "reviewtitle", "reviewstitle", "summary", "headline", "subject"),
    RATING("rating", null, "rating", "reviewsrating", "reviewrating", "stars", "star", "starrating", "score",
            "overall", "ratingvalue"),
    DATE("date", null, "date", "reviewsdate", "reviewdate", "reviewedat", "createdat", "datecreated", "timestamp",
            "reviewtime", "submittedat", "time"),
    CUSTOMER_ID("customerId", null, "customerid", "customer", "reviewsusername", "username", "userid", "user",
            "reviewerid", "reviewer", "reviewername", "authorid", "author", "clientid", "buyerid", "memberid"),
    PRODUCT_ID("productId", null, "productid", "clothingid", "itemid", "asin", "sku", "productcode", "parentasin"),
    PRODUCT_NAME("productName", null, "productname", "name", "product", "producttitle", "itemname", "item"),
    BRAND("brand", null, "brand", "brandname", "manufacturer"),
    CATEGORIES("categories", null, "categories", "category", "categorypath", "productcategory", "categoryname",
            "productcategories"),
    AGE("age", CustomerAttribute.AGE, "age", "customerage", "reviewerage"),
    GENDER("gender", CustomerAttribute.GENDER, "gender", "sex"),
    CITY("city", CustomerAttribute.CITY, "city", "reviewsusercity", "usercity", "customercity"),
    REGION("region", CustomerAttribute.REGION, "region", "state", "province", "reviewsuserprovince", "userprovince",
            "county"),
    COUNTRY("country", CustomerAttribute.COUNTRY, "country", "countrycode"),
    EMAIL("email", CustomerAttribute.EMAIL, "email", "emailaddress", "customeremail", "mail"),
    PHONE("phone", CustomerAttribute.PHONE, "phone", "phonenumber", "telephone", "mobile", "customerphone");

    /**
     * Columns that together spell a category path when two or more are present, in this order
     * (the women's clothing export: Division Name > Department Name > Class Name).
     */
    static final List<String> CATEGORY_LEVELS = List.of("division", "divisionname", "department", "departmentname",
            "class", "classname", "subcategory", "subcategoryname", "subclass");

    private final String key;
    private final CustomerAttribute attribute;
    private final List<String> headers;

    Field(String key, CustomerAttribute attribute, String... headers) {
        this.key = key;
        this.attribute = attribute;
        this.headers = List.of(headers);
    }

    /** The name used in mapping files and JSON output. */
    public String key() {
        return key;
    }

    /** The customer attribute this field fills, if it is one. */
    public Optional<CustomerAttribute> attribute() {
        return Optional.ofNullable(attribute);
    }

    /** Recognised header names in normal form, best first. */
    List<String> headers() {
        return headers;
    }

    public static Optional<Field> byKey(String key) {
        for (Field f : values()) {
            if (f.key.equalsIgnoreCase(key)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }

    /** A header in the form auto-detection compares. */
    static String normalHeader(String header) {
        return header.toLowerCase(java.util.Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]", "");
    }
}
