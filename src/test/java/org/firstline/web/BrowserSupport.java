package org.firstline.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/** Headless Debian Chromium for the browser tests; without it they skip, loudly. */
final class BrowserSupport {
    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path DRIVER = Path.of("/usr/bin/chromedriver");

    private BrowserSupport() {}

    static WebDriver start() {
        boolean present = Files.isExecutable(CHROMIUM) && Files.isExecutable(DRIVER);
        if (!present) {
            System.err.println("""
                    ********************************************************************
                    BROWSER TESTS SKIPPED: /usr/bin/chromium or /usr/bin/chromedriver is
                    missing. Install them with: apt-get install chromium chromium-driver
                    (.ci/run does this, so CI always runs these tests).
                    ********************************************************************""");
        }
        Assumptions.assumeTrue(present, "Chromium is not installed");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--disable-quic",
                "--window-size=1400,1000");
        var service = new ChromeDriverService.Builder()
                .usingDriverExecutable(DRIVER.toFile())
                .build();
        return new ChromeDriver(service, options);
    }

    /** Fails if a script injected by a test (setting {@code window.__xss} or opening an alert) ran. */
    static void assertNoScriptRan(WebDriver browser) {
        Object marker = ((org.openqa.selenium.JavascriptExecutor) browser)
                .executeScript("return window.__xss === undefined ? null : window.__xss;");
        org.assertj.core.api.Assertions.assertThat(marker)
                .as("injected script ran")
                .isNull();
        try {
            browser.switchTo().alert();
            throw new AssertionError("an alert opened");
        } catch (org.openqa.selenium.NoAlertPresentException expected) {
            // nothing ran
        }
    }

    /**
     * Waits until the condition holds, reading the page again on each try: a live-updated desk replaces its rows at any
     * moment, so an element found a moment ago may be gone. Twenty seconds leave room for a busy machine.
     */
    static void waitFor(WebDriver browser, java.util.function.Function<WebDriver, Boolean> condition) {
        read(browser, d -> Boolean.TRUE.equals(condition.apply(d)) ? Boolean.TRUE : null);
    }

    /** The first non-null value the reader returns, retried while elements go stale or are not there yet. */
    static <T> T read(WebDriver browser, java.util.function.Function<WebDriver, T> reader) {
        return new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(20))
                .ignoring(org.openqa.selenium.StaleElementReferenceException.class)
                .until(reader::apply);
    }

    /** Signs in through the form and waits for the ticket list. */
    static void signIn(WebDriver browser, String base, String username, String password) {
        browser.get(base + "/tickets");
        browser.findElement(org.openqa.selenium.By.id("username")).sendKeys(username);
        browser.findElement(org.openqa.selenium.By.id("password")).sendKeys(password);
        browser.findElement(org.openqa.selenium.By.cssSelector("button[type=submit]"))
                .click();
        new org.openqa.selenium.support.ui.WebDriverWait(browser, java.time.Duration.ofSeconds(10))
                .until(d -> d.getCurrentUrl().contains("/tickets")
                        && !d.getCurrentUrl().contains("/login"));
    }

    static void screenshot(WebDriver driver, String name) {
        try {
            Path target = Path.of("docs", "screenshots", name + ".png");
            Files.createDirectories(target.getParent());
            Files.write(target, ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    static void phone(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(390, 844));
    }

    static void desktop(WebDriver driver) {
        driver.manage().window().setSize(new Dimension(1400, 1000));
    }
}
