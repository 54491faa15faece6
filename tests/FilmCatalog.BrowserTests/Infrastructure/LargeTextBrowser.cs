namespace FilmCatalog.BrowserTests.Infrastructure;

/// <summary>A browser whose reader set the text to twice Chromium's size (32 px), as WCAG's "resize text" asks pages to bear.</summary>
public sealed class LargeTextBrowser() : Browser(defaultFontSize: 32);
