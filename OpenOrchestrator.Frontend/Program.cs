using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Web;
using Microsoft.AspNetCore.Components.WebAssembly.Hosting;
using Microsoft.JSInterop;
using MudBlazor.Services;
using OpenOrchestrator.Frontend;

var builder = WebAssemblyHostBuilder.CreateDefault(args);
builder.RootComponents.Add<App>("#app");
builder.RootComponents.Add<HeadOutlet>("head::after");

builder.Services.AddMudServices();
builder.Services.AddLocalization();
builder.Services.AddOrchestratorClient(new Uri(builder.HostEnvironment.BaseAddress));

var host = builder.Build();

// The session is asked for while the language is set, and known before the first render: the page renders once, signed in
// (or sends the visitor to sign in), without a "checking the session" pass first.
var session = host.Services.GetRequiredService<AuthenticationStateProvider>().GetAuthenticationStateAsync();

// Before the first render, so the runtime loads the language's resources and every component reads it.
await host.Services.GetRequiredService<Language>().ApplyAsync();

// WebAssembly runs without time zone data (smaller download); times are shown at the browser's offset.
Display.LocalOffset = TimeSpan.FromMinutes(await host.Services.GetRequiredService<IJSRuntime>().InvokeAsync<int>("ooUtcOffsetMinutes"));
await session;
await host.RunAsync();
