using OpenOrchestrator.Silo.Costs;

namespace OpenOrchestrator.Silo.Tests.Costs;

public sealed class MoneyTests
{
    [Theory]
    [InlineData(0.0135, "$0.0135")]
    [InlineData(0.000450, "$0.000450")]
    [InlineData(1234.5, "$1,234.50")]
    [InlineData(0, "$0")]
    public void ACostShowsTheDigitsASmallSumNeeds(double usd, string shown) => Assert.Equal(shown, Money.Format(usd));

    [Theory]
    [InlineData(5, "$5")]
    [InlineData(0.05, "$0.05")]
    [InlineData(12.5, "$12.50")]
    [InlineData(0.125, "$0.1250")]
    public void ABudgetShowsAsItWasSet(double usd, string shown) => Assert.Equal(shown, Money.Amount(usd));
}
