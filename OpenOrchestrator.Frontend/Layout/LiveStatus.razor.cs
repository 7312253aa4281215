using Microsoft.AspNetCore.Components;
using Microsoft.AspNetCore.SignalR.Client;

namespace OpenOrchestrator.Frontend.Layout;

/// <summary>Whether live updates flow: connected, or reconnecting by itself.</summary>
public sealed partial class LiveStatus : IDisposable
{
    [Inject] private LiveClient Live { get; set; } = default!;

    private string Text => Live.State switch
    {
        HubConnectionState.Connected => L["LiveConnected"],
        HubConnectionState.Disconnected => L["LiveDisconnected"],
        _ => L["LiveReconnecting"],
    };

    private string Short => Live.State == HubConnectionState.Connected ? L["Live"] : L["Offline"];


    private string Css => Live.State == HubConnectionState.Connected ? "on" : "off";

    protected override void OnInitialized() => Live.StateChanged += OnChanged;

    public void Dispose() => Live.StateChanged -= OnChanged;

    private void OnChanged() => _ = InvokeAsync(StateHasChanged);
}
