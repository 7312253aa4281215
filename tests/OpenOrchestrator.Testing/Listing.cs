namespace OpenOrchestrator.Testing;

/// <summary>One offer on the <see cref="ShopSite"/>.</summary>
public sealed record Listing(string Id, string Title, decimal Price, string Currency = "EUR");
