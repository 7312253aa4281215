using OpenOrchestrator.Frontend.Services;

namespace OpenOrchestrator.Frontend.Tests;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0, "$0.00")]
    [InlineData(4.2, "$4.20")]
    [InlineData(1234.567, "$1,234.57")]
    [InlineData(0.5, "$0.50")]
    [InlineData(0.0123, "$0.0123")]
    [InlineData(0.012345, "$0.0123")]
    [InlineData(0.00001, "< $0.0001")]
    public void SumsGetCentsFromADollarUpAndMoreDigitsBelow(double usd, string text) => Assert.Equal(text, Money.Usd(usd));

    [Theory]
    [InlineData(5, "$5")]
    [InlineData(1000000, "$1,000,000")]
    [InlineData(2.5, "$2.50")]
    [InlineData(0.15, "$0.15")]
    public void LimitsAndPricesStayRoundWhenTheyAre(double usd, string text) => Assert.Equal(text, Money.Amount(usd));

    [Fact]
    public void ARunOfUnknownPriceShowsADash() => Assert.Equal("—", Money.RunCost(null));

    [Fact]
    public void AModelWithoutBothPricesHasAnUnknownPrice() =>
        Assert.Equal("price unknown", Money.Price(new ModelInfo("m", "ollama", false, InputPrice: 1)));
}
