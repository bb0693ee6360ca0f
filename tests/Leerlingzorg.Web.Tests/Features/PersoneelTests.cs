using Leerlingzorg.Domain.Gebruikers;
using Leerlingzorg.Web.Features;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Leerlingzorg.Web.Tests.Infrastructure;
using Leerlingzorg.Web.Tests.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Tests.Features;

/// <summary>The one staff query and the one may-manage check that every picker and beheer handler uses.</summary>
[Collection(DatabaseCollection.Name)]
public sealed class PersoneelTests(TwoSchoolsFixture fixture) : IClassFixture<TwoSchoolsFixture>
{
    private TestData Data => new(fixture.App);

    [Fact]
    public async Task The_staff_of_a_school_are_its_users_with_a_staff_role_not_its_parents_nor_another_school()
    {
        var zonderRol = await Data.UserAsync(fixture.A.School.Id);
        var weg = await Data.UserAsync(fixture.A.School.Id, Rollen.Mentor);
        await using (var db = fixture.App.ContextFor(null))
        {
            await db.Users.Where(u => u.Id == weg.Id).ExecuteUpdateAsync(u => u.SetProperty(g => g.Actief, false));
        }
        await using var context = fixture.App.ContextFor(fixture.A.School.Id);
        var staf = await context.MedewerkersVan(fixture.A.School.Id).Select(u => u.Id).ToListAsync();
        Assert.Contains(fixture.A.Mentor.Id, staf);
        Assert.Contains(fixture.A.Docent.Id, staf);
        Assert.Contains(weg.Id, staf);
        Assert.DoesNotContain(fixture.A.OuderGebruiker.Id, staf);
        Assert.DoesNotContain(fixture.B.Mentor.Id, staf);
        Assert.DoesNotContain(zonderRol.Id, staf);

        var mentoren = await context.ActieveMedewerkersVan(fixture.A.School.Id, Rollen.Mentor).Select(u => u.Id).ToListAsync();
        Assert.Equal([fixture.A.Mentor.Id], mentoren);

        var beheerlijst = await context.MedewerkersEnZonderRolVan(fixture.A.School.Id).Select(u => u.Id).ToListAsync();
        Assert.Contains(zonderRol.Id, beheerlijst);
        Assert.DoesNotContain(fixture.A.OuderGebruiker.Id, beheerlijst);
    }

    [Theory]
    [InlineData(Rollen.Beheerder, true, true)]
    [InlineData(Rollen.Beheerder, false, false)]
    [InlineData(Rollen.Zorgcoordinator, true, false)]
    [InlineData(Rollen.Ouder, true, false)]
    public void Only_a_Beheerder_of_a_school_may_manage(string rol, bool metSchool, bool magBeheren)
    {
        var gebruiker = new Gebruiker { Voornaam = "Test", Achternaam = rol, SchoolId = metSchool ? fixture.A.School.Id : null };
        var user = new CurrentUser();
        user.Set(TestPrincipal.For(gebruiker, [rol]));
        Assert.Equal(magBeheren, Toegang.MagBeheren(user));
    }
}
