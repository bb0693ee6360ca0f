using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace Leerlingzorg.Web.Tests.Infrastructure;

/// <summary>
/// The real application (Program.cs) against a test database, in the "Testing" environment; on the
/// <paramref name="klok"/> instead of the system clock when given (a FakeTimeProvider, ADR 0007).
/// </summary>
public sealed class TestApp(TestDatabaseInfo database, TimeProvider? klok = null) : WebApplicationFactory<Program>
{
    public TestDatabaseInfo Database { get; } = database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting($"ConnectionStrings:{Web.Infrastructure.Persistence.Database.AppConnection}", Database.AppConnectionString);
        builder.UseSetting($"ConnectionStrings:{Web.Infrastructure.Persistence.Database.OwnerConnection}", Database.OwnerConnectionString);
        builder.UseSetting("Logging:Directory", Path.Combine(Path.GetTempPath(), "leerlingzorg-test-logs"));
        // No polling mail worker: a test delivers the queue itself (BezorgdeMailAsync), so it never waits nor races.
        builder.UseSetting("Mail:Bezorger:IntervalSeconden", "0");
        if (klok is not null)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(klok));
        }
    }

    public PooledDbContextFactory<LeerlingzorgDbContext> Pool => Services.GetRequiredService<PooledDbContextFactory<LeerlingzorgDbContext>>();

    /// <summary>A DI scope acting as <paramref name="user"/>, as a request or circuit of that user would.</summary>
    public AsyncServiceScope ScopeAs(Gebruiker user, params string[] roles)
    {
        var scope = Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<CurrentUser>().Set(TestPrincipal.For(user, roles));
        return scope;
    }

    /// <summary>A context bound to one school, as the application would have it (or to none).</summary>
    public LeerlingzorgDbContext ContextFor(Guid? schoolId)
    {
        var context = Pool.CreateDbContext();
        context.BindToSchool(schoolId);
        return context;
    }

    /// <summary>A context bound to one samenwerkingsverband (ADR 0010), as partnership staff get it.</summary>
    public LeerlingzorgDbContext ContextForSwv(Guid swvId)
    {
        var context = Pool.CreateDbContext();
        context.BindToSwv(swvId);
        return context;
    }
}
