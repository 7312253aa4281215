using OpenOrchestrator.Silo;
using OpenOrchestrator.Silo.Accounts;
using OpenOrchestrator.Silo.Activity;
using OpenOrchestrator.Silo.Api;
using OpenOrchestrator.Silo.Bots;
using OpenOrchestrator.Silo.Costs;
using OpenOrchestrator.Silo.Documents;
using OpenOrchestrator.Silo.Hooks;
using OpenOrchestrator.Silo.Hosting;
using OpenOrchestrator.Silo.Live;
using OpenOrchestrator.Silo.Mail;
using OpenOrchestrator.Silo.Mcp;
using OpenOrchestrator.Silo.Models;
using OpenOrchestrator.Silo.Notifications;
using OpenOrchestrator.Silo.Notifications.Email;
using OpenOrchestrator.Silo.Notifications.Telegram;
using OpenOrchestrator.Silo.Results;
using OpenOrchestrator.Silo.Runs;
using OpenOrchestrator.Silo.Templates;
using OpenOrchestrator.Silo.Triggers;
using OpenOrchestrator.Silo.Web;

var builder = WebApplication.CreateBuilder(new WebApplicationOptions { Args = args, ContentRootPath = ContentRoot.Of(args) });
if (string.IsNullOrEmpty(builder.Configuration[WebHostDefaults.ServerUrlsKey]))
{
    builder.WebHost.UseUrls("http://localhost:8080");
}

builder.AddServiceDefaults();
builder.AddOrchestrator(host =>
{
    host.AddAccounts();
    host.AddApi();
    host.AddOrleansSilo();
});
builder.AddTelegramChannel();
builder.AddEmailChannel();
builder.AddMailIn();
builder.AddWebFrontend();

var app = builder.Build();

app.UseSecurityHeaders();
app.UseApi();
app.MapDefaultEndpoints();
var api = app.MapApiGroup();
api.MapAccountsApi();
api.MapSettingsApi();
api.MapMailboxApi();
api.MapTelegramLinkApi();
api.MapModelsApi();
api.MapCostsApi();
api.MapBotsApi();
api.MapRunsApi();
api.MapResultsApi();
api.MapApprovalsApi();
api.MapDigestApi();
api.MapDocumentsApi();
api.MapActivityApi();
api.MapNotificationsApi();
api.MapTriggersApi();
api.MapHooksApi();
api.MapTemplatesApi();
api.MapMcpServersApi();
app.MapHookCallsApi();
app.MapLiveHub();
app.MapAdminDashboard();
app.MapWebFrontend();

app.Run();

/// <summary>The entry point, visible to WebApplicationFactory.</summary>
public partial class Program;
