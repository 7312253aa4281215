using System.Net.Http.Json;
using OpenOrchestrator.Contracts;
using OpenOrchestrator.Silo.Tests.Infrastructure;

namespace OpenOrchestrator.Silo.Tests.Api;

/// <summary>What the app asks before the user acts: which ways out can deliver, whether the instance has its first account.</summary>
[Collection(ApiCollection.Name)]
public sealed class SetUpStateTests(ApiFixture fixture)
{
    [Fact]
    public async Task AServerWithoutSmtpSaysSoBeforeABotIsSavedWithEmail()
    {
        var client = await fixture.SignUpAsync();

        var channels = (await client.GetFromJsonAsync<List<ChannelStatus>>("/api/notifications/channels"))!;

        Assert.Equal(NotifyChannels.All, channels.Select(c => c.Channel));
        Assert.Equal(new ChannelStatus(NotifyChannels.Email, false, "E-mail is not set up on this server (Smtp__Host)."), channels.Single(c => c.Channel == NotifyChannels.Email));
    }

    [Fact]
    public async Task AVisitorLearnsWhetherTheInstanceAlreadyHasAnAccount()
    {
        await fixture.SignUpAsync();

        var registration = await fixture.App.CreateClient().GetFromJsonAsync<RegistrationState>("/api/auth/registration");

        Assert.Equal(new RegistrationState(FirstAccount: false, NeedsInvitation: false), registration);
    }
}
