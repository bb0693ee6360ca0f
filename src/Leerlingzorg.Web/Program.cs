using System.Globalization;
using Leerlingzorg.Web.Components;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.DemoData;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Operations;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server.Circuits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Identity;
using MudBlazor;
using MudBlazor.Services;
using Serilog;

var dutch = CultureInfo.GetCultureInfo("nl-NL");
CultureInfo.DefaultThreadCurrentCulture = dutch;
CultureInfo.DefaultThreadCurrentUICulture = dutch;

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddSerilog((services, logger) => logger
    .ReadFrom.Configuration(builder.Configuration)
    .Enrich.FromLogContext()
    // No dossier text in the logs: exceptions lose the messages that may quote rows or input.
    .WriteTo.Sink(Serilog.Configuration.LoggerSinkConfiguration.Wrap(Leerlingzorg.Web.Infrastructure.Logging.GeenDossierInLogs.Om, sinks =>
    {
        sinks.Console(formatProvider: CultureInfo.InvariantCulture);
        sinks.File(Path.Combine(builder.Configuration["Logging:Directory"] ?? "logs", "leerlingzorg-.log"),
            rollingInterval: RollingInterval.Day, retainedFileCountLimit: 14, formatProvider: CultureInfo.InvariantCulture);
    })));

if (!await Database.UseLocalPostgresWhenUnconfiguredAsync(builder))
{
    return;
}
builder.Services.AddLeerlingzorgDatabase(builder.Configuration);
builder.Services.AddSingleton(TimeProvider.System);

// A field's whole value travels in one SignalR message when it changes. The longest field (Samenvatting, 20,000
// characters) costs at most 7 bytes a character (a control character escaped as \u0000 inside the event's JSON,
// escaped again in the message): 140 KB. The default of 32 KB dropped the connection at ~16,000 ASCII characters.
builder.Services.AddRazorComponents().AddInteractiveServerComponents()
    .AddHubOptions(options => options.MaximumReceiveMessageSize = 256 * 1024);
// The security headers middleware sends X-Frame-Options: DENY for every response.
builder.Services.AddAntiforgery(options => options.SuppressXFrameOptionsHeader = true);
builder.Services.AddMudServices(config =>
{
    config.SnackbarConfiguration.PositionClass = Defaults.Classes.Position.BottomRight;
    config.SnackbarConfiguration.VisibleStateDuration = 4000;
});
builder.Services.AddTransient<MudLocalizer, Leerlingzorg.Web.Infrastructure.Localization.DutchMudLocalizer>();
builder.Services.AddLocalization();

builder.Services.AddLeerlingzorgIdentity(builder.Environment);
builder.Services.AddScoped<CurrentUser>();
builder.Services.AddScoped<CircuitHandler, CurrentUserCircuitHandler>();
builder.Services.AddScoped<AuditLog>();
builder.Services.AddFeatureHandlers();
builder.Services.AddSingleton<Leerlingzorg.Web.Infrastructure.Documenten.ChromiumPdf>();
// Mail in a durable queue in PostgreSQL, delivered by a background service (the outbox in Development).
Leerlingzorg.Web.Infrastructure.Mail.MailRegistratie.AddMailwachtrij(builder.Services, builder.Configuration, builder.Environment);
builder.Services.AddScoped<DemoDataSeeder>();
// Import of SIS exports: queue, progress and the background service that processes runs.
Leerlingzorg.Web.Features.Import.ImportRegistratie.AddLeerlingenImport(builder.Services);

builder.Services.AddDataProtection()
    .SetApplicationName("Leerlingzorg")
    .PersistKeysToDbContext<Leerlingzorg.Web.Infrastructure.Persistence.LeerlingzorgDbContext>();

// The public ondersteuningsoverzicht (/scholen) is cached briefly per query; publishing a profile clears it.
builder.Services.AddOutputCache();

builder.Services.AddHealthChecks()
    .AddDbContextCheck<Leerlingzorg.Web.Infrastructure.Persistence.LeerlingzorgDbContext>("database");

var app = builder.Build();

if (app.Environment.IsDevelopment() || app.Configuration.GetValue<bool>("Database:MigrateAtStartup"))
{
    await Database.MigrateAsync(app.Configuration);
}
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("DemoData:Enabled", true))
{
    await using var scope = app.Services.CreateAsyncScope();
    await scope.ServiceProvider.GetRequiredService<DemoDataSeeder>().SeedAsync();
}

app.UseSecurityHeaders();
app.UseSerilogRequestLogging(options =>
    options.MessageTemplate = "HTTP {RequestMethod} {RequestPath} {StatusCode} in {Elapsed:0} ms");
if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/Error", createScopeForErrors: true);
    app.UseHsts();
}
// Inside the exception handler, so that an unreachable database gets its own calm 503 page.
app.UseMiddleware<DatabaseUnavailableMiddleware>();
app.UseStatusCodePagesWithReExecute("/niet-gevonden", createScopeForStatusCodePages: true);
app.UseRequestLocalization(new RequestLocalizationOptions().SetDefaultCulture("nl-NL").AddSupportedCultures("nl-NL").AddSupportedUICultures("nl-NL"));

app.UseAuthentication();
app.UseMiddleware<CurrentUserMiddleware>();
app.UseAuthorization();
app.UseAntiforgery();
app.UseOutputCache();

app.MapStaticAssets();
app.MapHealthChecks("/health").DisableHttpMetrics();
// Framing is forbidden by our own Content-Security-Policy (frame-ancestors 'none').
app.MapRazorComponents<App>().AddInteractiveServerRenderMode(o => o.ContentSecurityFrameAncestorsPolicy = null);
app.MapAdditionalIdentityEndpoints();
Leerlingzorg.Web.Features.Ondersteuningspassen.PasPdfEndpoint.MapOndersteuningspasPdf(app);
Leerlingzorg.Web.Features.Verslagen.VerslagPdfEndpoint.MapVerslagPdf(app);
Leerlingzorg.Web.Features.Ouderportaal.PortaaltaalEndpoint.MapPortaaltaal(app);
Leerlingzorg.Web.Features.Planversies.PlanversiePdfEndpoint.MapPlanversiePdf(app);
Leerlingzorg.Web.Features.Ondersteuningsprofielen.PubliekOverzichtEndpoint.MapPubliekOverzicht(app);

await app.RunAsync();

public partial class Program;
