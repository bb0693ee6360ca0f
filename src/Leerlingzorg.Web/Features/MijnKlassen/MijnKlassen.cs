using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.MijnKlassen;

public sealed record MijnKlas(Guid Id, string Naam, int Leerjaar, string Afdeling, string Locatie, IReadOnlyList<KlasLeerling> Leerlingen);

public sealed record KlasLeerling(Guid Id, string Leerlingnummer, string Voornaam, string? Tussenvoegsel, string Achternaam, DateOnly Geboortedatum, bool IsAmv)
{
    public string Naam => Domain.Naam.Volledig(Voornaam, Tussenvoegsel, Achternaam);
    public string Sorteernaam => Domain.Naam.Sorteer(Voornaam, Tussenvoegsel, Achternaam);
}

/// <summary>The mentor's start page: his classes of this schooljaar with their students, in one query.</summary>
public sealed class MijnKlassenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    private static readonly Func<LeerlingzorgDbContext, Guid, Schooljaar, IAsyncEnumerable<MijnKlas>> Query =
        EF.CompileAsyncQuery((LeerlingzorgDbContext db, Guid mentor, Schooljaar jaar) =>
            db.Klassen
                .Where(k => k.Schooljaar == jaar && k.Mentoren.Any(m => m.MedewerkerId == mentor))
                .OrderBy(k => k.Leerjaar).ThenBy(k => k.Naam)
                .Select(k => new MijnKlas(k.Id, k.Naam, k.Leerjaar, k.Afdeling!.Naam, k.Locatie!.Naam,
                    k.Leerlingen
                        .OrderBy(l => l.Achternaam).ThenBy(l => l.Voornaam)
                        .Select(l => new KlasLeerling(l.Id, l.Leerlingnummer, l.Voornaam, l.Tussenvoegsel, l.Achternaam, l.Geboortedatum, l.IsAmv))
                        .ToList())));

    public async Task<IReadOnlyList<MijnKlas>> HandleAsync(CancellationToken cancellationToken = default)
    {
        if (currentUser.Id is not { } mentor || !Toegang.IsMedewerker(currentUser))
        {
            return [];
        }
        var jaar = Schoolkalender.HuidigSchooljaar(time);
        var klassen = new List<MijnKlas>();
        await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
        {
            await foreach (var klas in Query(db, mentor, jaar).WithCancellation(cancellationToken))
            {
                klassen.Add(klas);
            }
        }
        // Every student shown (birth date, AMV), per class; a class without students still leaves its line.
        await audit.ReadAsync(klassen.SelectMany(k => k.Leerlingen.Count == 0
                ? [((Guid?)null, $"klaslijst {k.Naam} ({k.Id})")]
                : k.Leerlingen.Select(l => ((Guid?)l.Id, $"klaslijst {k.Naam} ({k.Id})")))
            .ToList(), cancellationToken);
        return klassen;
    }
}
