using Leerlingzorg.Domain.Gebruikers;

namespace Leerlingzorg.Domain.Tests;

public sealed class RollenTests
{
    [Fact]
    public void Every_role_has_a_Dutch_name_and_belongs_to_the_school_or_the_partnership()
    {
        Assert.Equal(15, Rollen.Alle.Count);
        Assert.Equal(Rollen.Alle.Count, Rollen.Alle.Distinct().Count());
        Assert.All(Rollen.Alle, r => Assert.NotEqual(r, Rollen.Weergave(r) + "?"));
        Assert.Equal("Zorgcoördinator", Rollen.Weergave(Rollen.Zorgcoordinator));
        Assert.Empty(Rollen.SchoolRollen.Intersect(Rollen.SwvRollen));
        Assert.All(Rollen.SwvRollen, r => Assert.True(Rollen.IsSwvRol(r)));
        Assert.All(Rollen.SchoolRollen, r => Assert.False(Rollen.IsSwvRol(r)));
    }

    [Fact]
    public void The_care_roles_are_the_internal_specialists_and_the_zorgcoordinator()
    {
        Assert.Equal([Rollen.Zorgcoordinator, Rollen.InternBegeleider, Rollen.AmbulantBegeleider, Rollen.Orthopedagoog], Rollen.Zorgrollen);
        Assert.DoesNotContain(Rollen.Mentor, Rollen.Zorgrollen);
        Assert.DoesNotContain(Rollen.Docent, Rollen.Zorgrollen);
    }

    [Fact]
    public void The_staff_roles_are_every_school_role_but_Ouder_and_the_attribute_list_names_the_same_roles()
    {
        Assert.Equal(Rollen.SchoolRollen.Where(r => r != Rollen.Ouder), Rollen.Medewerkerrollen);
        Assert.Equal(Rollen.Medewerkerrollen, Rollen.Medewerkers.Split(','));
        Assert.Equal(Rollen.SwvRollen, Rollen.SwvMedewerkers.Split(','));
    }
}
