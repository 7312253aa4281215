using Microsoft.Extensions.Options;
using OpenOrchestrator.Silo.Models;

namespace OpenOrchestrator.Silo.Tests.Costs;

public sealed class ModelPricesTests
{
    private static readonly ModelPrices Prices = new(Options.Create(new ModelOptions
    {
        Prices = { ["gpt-4o"] = new ModelPrice { Input = 2, Output = 9 }, ["my-llama"] = new ModelPrice { Input = 0.1, Output = 0.2 } },
    }));

    [Theory]
    [InlineData("claude-sonnet-4-5", 3, 15)]
    [InlineData("claude-sonnet-4-5-20250929", 3, 15)]
    [InlineData("claude-3-5-haiku-latest", 0.8, 4)]
    [InlineData("gpt-4o-mini-2024-07-18", 0.15, 0.6)]
    [InlineData("gpt-4o", 2, 9)]
    [InlineData("my-llama", 0.1, 0.2)]
    public void AWellKnownDatedOrConfiguredModelHasItsPrice(string model, double input, double output)
    {
        var price = Prices.For(model)!;

        Assert.Equal((input, output), (price.Input, price.Output));
    }

    [Theory]
    [InlineData("llama3.1:8b")]
    [InlineData("gpt-4o-mini-turbo")]
    [InlineData("claude")]
    public void AnUnknownModelHasNoPriceAndItsCallsNoCost(string model)
    {
        Assert.Null(Prices.For(model));
        Assert.Null(Prices.Cost(model, 1000, 1000));
    }

    [Fact]
    public void ACallCostsItsTokensAtThePricePerMillion() =>
        Assert.Equal(0.0135, Prices.Cost("claude-sonnet-4-5", 2000, 500)!.Value, 12);
}
