package app.segmenta.web;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.deque.html.axecore.results.AxeResults;
import com.deque.html.axecore.results.Rule;
import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import com.microsoft.playwright.options.AriaRole;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The web app in a real browser (Debian's headless Chromium through Playwright) against the packaged app on the
 * demo data, offline: the headline question, its interpretation and audience, a segmentation and its cards, a
 * chip edited, a reconnect, the data page, keyboard use, an axe-core accessibility check, and screenshots at a
 * laptop size and a phone size in target/screenshots. Runs in {@code ./mvnw verify} after packaging.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WebAppIT {

    static final Path SHOTS = Path.of("target/screenshots");
    static PackagedApp app;
    static Playwright playwright;
    static Browser browser;
    static Page page;

    @BeforeAll
    static void start() throws Exception {
        Path chromium = chromium();
        boolean required = "1".equals(System.getenv("SEGMENTA_REQUIRE_BROWSER"));
        if (!required) {
            Assumptions.assumeTrue(chromium != null, "No Chromium found (install Debian's chromium, or set SEGMENTA_CHROMIUM)");
            Assumptions.assumeTrue(Files.exists(PackagedApp.JAR), "No packaged app: run ./mvnw verify");
        }
        assertThat(chromium).as("a Chromium binary (Debian package chromium, or SEGMENTA_CHROMIUM)").isNotNull();
        Files.createDirectories(SHOTS);
        app = PackagedApp.start(Path.of("target/e2e-data"), Duration.ofMinutes(15));
        playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
        browser = playwright.chromium().launch(new BrowserType.LaunchOptions().setExecutablePath(chromium).setHeadless(true)
                .setArgs(List.of("--no-sandbox")));
        // a context of its own, so a second tab can open in it (a page from browser.newPage cannot have siblings)
        page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 900)).newPage();
        page.setDefaultTimeout(60_000);
        page.navigate(app.url);
    }

    @AfterAll
    static void stop() {
        if (browser != null) {
            browser.close();
        }
        if (playwright != null) {
            playwright.close();
        }
        if (app != null) {
            app.close();
        }
    }

    static Path chromium() {
        String env = System.getenv("SEGMENTA_CHROMIUM");
        for (String candidate : new String[]{env, "/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome"}) {
            if (candidate != null && Files.isExecutable(Path.of(candidate))) {
                return Path.of(candidate);
            }
        }
        return null;
    }

    private static void shot(String name) {
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve(name)).setFullPage(true));
    }

    private static Locator lastAnswer() {
        return page.locator(".msg.assistant").last();
    }

    private static void ask(String question) {
        int before = page.locator(".msg.assistant").count();
        page.getByLabel("Ask about your customers").fill(question);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask").setExact(true)).click();
        page.waitForCondition(() -> page.locator(".msg.assistant").count() > before && lastAnswer().locator(".tag").count() > 0);
    }

    @Test
    @Order(1)
    void theHeadlineQuestionShowsItsReadingAndAudience() {
        assertThat(page.locator("#mode")).hasText("Offline mode");
        assertThat(page.locator(".example").first()).isVisible();
        ask("who buys baby products and complains about shipping?");
        assertThat(lastAnswer().locator(".text")).containsText("I read this as");
        assertThat(lastAnswer().locator(".tag")).hasText("Offline planner");
        assertThat(lastAnswer().locator(".chip.category")).containsText("Baby");
        assertThat(lastAnswer().locator(".chip.aspect")).containsText("Shipping & delivery");
        Locator audience = page.locator(".card.audience");
        assertThat(audience).containsText("customers");
        int customers = Integer.parseInt(audience.locator(".big strong").first().textContent().replace(",", ""));
        assertThat(customers).isGreaterThan(5);
        assertThat(audience.locator(".breakdown li").first()).isVisible();
        assertThat(audience.locator(".quotes li")).not().hasCount(0);

        audience.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Open the review")).first().click();
        Locator dialog = page.getByRole(AriaRole.DIALOG);
        assertThat(dialog).containsText("row");
        assertThat(dialog.locator("blockquote")).not().isEmpty();
        assertThat(dialog).not().containsText("null");
        shot("01-audience-review-laptop.png");
        page.keyboard().press("Escape");
        assertThat(dialog).isHidden();
        shot("02-audience-laptop.png");
    }

    @Test
    @Order(2)
    void splittingTheAudienceShowsSegmentCardsAndTheMap() {
        ask("split them into 3");
        assertThat(page.locator(".card.segment")).hasCount(3);
        Locator first = page.locator(".card.segment").first();
        assertThat(first.locator(".persona-name")).not().isEmpty();
        assertThat(first).containsText("What to tell them");
        assertThat(page.locator(".chart.map canvas")).hasCount(1);
        assertThat(page.locator(".metrics")).containsText("Silhouette");
        page.evaluate("() => echarts.getInstanceByDom(document.querySelector('.chart.map'))"
                + ".dispatchAction({ type: 'showTip', seriesIndex: 0, dataIndex: 0 })");
        assertThat(page.locator(".chart.map").getByText("“").first()).isVisible(); // the hovered customer and a quote
        first.locator("summary", new Locator.LocatorOptions().setHasText("Facts and charts")).click();
        assertThat(first.locator(".chart.small canvas").first()).isVisible();
        shot("03-segments-laptop.png");
        page.locator("#results").evaluate("e => e.scrollIntoView()");
        page.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("03b-segments-laptop-screen.png")));
    }

    @Test
    @Order(3)
    void thePersonaPdfAndTheMemberCsvDownloadFromTheSegmentation() throws Exception {
        List<String> labels = page.locator(".card.segment h3").allTextContents().stream()
                .map(t -> t.replaceFirst("^\\d+\\. ", "")).toList();
        int customers = page.locator(".card.segment .big strong").allTextContents().stream()
                .mapToInt(t -> Integer.parseInt(t.replace(",", ""))).sum();

        Download pdf = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Personas (PDF)")).click());
        assertThat(pdf.suggestedFilename()).endsWith(".pdf");
        try (PDDocument doc = Loader.loadPDF(pdf.path().toFile())) {
            assertThat(doc.getNumberOfPages()).as("a cover and a page per segment").isEqualTo(labels.size() + 1);
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", " ");
            for (String label : labels) {
                assertThat(text).contains(label.replaceAll("\\s+", " "));
            }
        }

        Download csv = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Members (CSV)")).click());
        try (CSVParser rows = CSVParser.parse(reader(csv), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(rows.getHeaderNames()).startsWith("customer_id", "segment_id", "segment_number", "segment_label");
            List<CSVRecord> records = rows.getRecords();
            assertThat(records.stream().filter(r -> !r.get("segment_id").isEmpty())).hasSize(customers);
            assertThat(records.stream().map(r -> r.get("segment_label")).filter(l -> !l.isEmpty()).distinct().toList())
                    .containsExactlyInAnyOrderElementsOf(labels);
        }

        Download audience = page.waitForDownload(() -> page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Customer list (CSV)")).click());
        try (CSVParser rows = CSVParser.parse(reader(audience), CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(rows.getHeaderNames()).startsWith("customer_id", "matching_reviews");
            assertThat(rows.getRecords()).hasSize(customers);
        }
        // no ad lists offered: the demo has no emails or phones
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Meta audience"))).hasCount(0);
    }

    private static java.io.Reader reader(Download d) throws java.io.IOException {
        return Files.newBufferedReader(d.path(), java.nio.charset.StandardCharsets.UTF_8);
    }

    @Test
    @Order(4)
    void removingAChipRunsTheStepAgain() {
        Locator chips = lastAnswer().locator(".chips");
        assertThat(chips.locator(".chip.aspect")).hasCount(1);
        chips.getByRole(AriaRole.BUTTON, new Locator.GetByRoleOptions().setName("Remove Shipping & delivery")).click();
        page.waitForCondition(() -> lastAnswer().locator(".chips").count() > 0
                && lastAnswer().locator(".chip.aspect").count() == 0 && lastAnswer().locator(".tag").count() > 0);
        assertThat(lastAnswer().locator(".chip.category")).containsText("Baby");
        assertThat(page.locator(".card.segment")).not().hasCount(0);
    }

    @Test
    @Order(5)
    void aReloadedTabResumesItsConversation() {
        int messages = page.locator(".msg").count();
        page.reload();
        page.waitForCondition(() -> page.locator(".msg").count() == messages);
        assertThat(page.locator(".card.segment")).not().hasCount(0);
        assertThat(page.locator(".examples")).isHidden();

        Page otherTab = page.context().newPage();
        otherTab.navigate(app.url);
        assertThat(otherTab.locator(".example").first()).isVisible(); // a new tab starts its own conversation
        assertThat(otherTab.locator(".msg")).hasCount(0);
        otherTab.close();
    }

    @Test
    @Order(6)
    void theKeyboardAloneCanAskAndTheAppHasNoAccessibilityViolations() {
        page.locator("body").focus();
        page.keyboard().press("Tab");
        assertThat(page.locator(".skip")).isFocused();
        for (int presses = 0; presses < 40 && !(Boolean) page.evaluate("document.activeElement.id === 'question'"); presses++) {
            page.keyboard().press("Tab");
        }
        assertThat(page.locator("#question")).isFocused(); // reached with Tab alone
        page.keyboard().type("who buys baby products?");
        int before = page.locator(".msg.assistant").count();
        page.keyboard().press("Enter");
        page.waitForCondition(() -> page.locator(".msg.assistant").count() > before && lastAnswer().locator(".tag").count() > 0);
        assertThat(lastAnswer().locator(".chip.category")).containsText("Baby");

        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa")).analyze();
        List<String> violations = results.getViolations().stream().map(WebAppIT::describe).toList();
        assertThat(violations).as("axe-core violations on the assistant page").isEmpty();
    }

    @Test
    @Order(7)
    void theDataPageListsTheImportsAndPreviewsAFile() throws Exception {
        page.navigate(app.url + "/#/data");
        assertThat(page.locator("#page-chat")).isHidden();
        assertThat(page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Data"))).hasAttribute("aria-current", "page");
        assertThat(page.locator(".job")).hasCount(3);
        assertThat(page.locator(".job .state.completed")).hasCount(3);
        Path sample = Files.createTempFile("preview", ".csv");
        Files.writeString(sample, "product_name,category,review_text,rating,customer_id\nStroller,Strollers,\"Great, sturdy.\",5,c-1\n");
        page.getByLabel("Reviews file").setInputFiles(sample);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Preview columns")).click();
        assertThat(page.locator("#preview")).containsText("review_text");
        assertThat(page.locator("#preview")).containsText("Great, sturdy.");
        shot("04-data-laptop.png");
        AxeResults results = new AxeBuilder(page).withTags(List.of("wcag2a", "wcag2aa")).analyze();
        assertThat(results.getViolations().stream().map(WebAppIT::describe).toList()).as("axe-core on the data page").isEmpty();
    }

    @Test
    @Order(8)
    void aPhoneSizedScreenStacksThePanes() {
        Page narrow = browser.newPage(new Browser.NewPageOptions().setViewportSize(390, 844));
        narrow.navigate(app.url + "/#/chat");
        narrow.getByLabel("Ask about your customers").fill("split baby buyers into 3 segments");
        narrow.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Ask").setExact(true)).click();
        assertThat(narrow.locator(".card.segment")).hasCount(3, new com.microsoft.playwright.assertions.LocatorAssertions.HasCountOptions().setTimeout(120_000));
        double chat = narrow.locator(".chat").boundingBox().width;
        assertThat(chat).isLessThanOrEqualTo(390);
        assertThat((Boolean) narrow.evaluate("document.documentElement.scrollWidth <= window.innerWidth"))
                .as("nothing wider than the screen").isTrue();
        narrow.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("05-segments-phone.png")).setFullPage(true));
        narrow.locator(".card.segment").first().scrollIntoViewIfNeeded();
        narrow.screenshot(new Page.ScreenshotOptions().setPath(SHOTS.resolve("05b-segment-card-phone-screen.png")));
        narrow.close();
    }

    private static String describe(Rule r) {
        return r.getId() + " (" + r.getImpact() + "): " + r.getHelp() + " at " + r.getNodes().stream()
                .map(n -> String.valueOf(n.getTarget())).limit(3).toList();
    }
}
