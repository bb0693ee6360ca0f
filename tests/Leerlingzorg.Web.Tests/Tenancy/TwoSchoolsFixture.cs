using Leerlingzorg.Web.Tests.Infrastructure;

namespace Leerlingzorg.Web.Tests.Tenancy;

/// <summary>A database with two schools, A and B, each holding at least one row of every school-owned entity.</summary>
public sealed class TwoSchoolsFixture : IAsyncLifetime
{
    public TestApp App { get; private set; } = null!;
    public SchoolScenario A { get; private set; } = null!;
    public SchoolScenario B { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        App = new TestApp(await TestDatabase.Current.CreateDatabaseAsync("tenancy"));
        var data = new TestData(App);
        A = await data.SchoolAsync("School A");
        B = await data.SchoolAsync("School B");
    }

    public async Task DisposeAsync() => await App.DisposeAsync();
}
