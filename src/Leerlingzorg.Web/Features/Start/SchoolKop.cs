using Leerlingzorg.Web.Infrastructure.Identity;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Start;

public sealed record Kop(string Organisatie, string Naam, string? Thema);

/// <summary>What the app bar shows: the user's school (or partnership) and name, and his theme choice.</summary>
public sealed class SchoolKopHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public async Task<Kop> HandleAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var organisatie = currentUser.SchoolId is { } school
            ? await db.Scholen.Where(s => s.Id == school).Select(s => s.Naam).FirstOrDefaultAsync(cancellationToken)
            : await db.Samenwerkingsverbanden.Where(w => w.Id == currentUser.SamenwerkingsverbandId).Select(w => w.Naam).FirstOrDefaultAsync(cancellationToken);
        var thema = await db.Users.Where(u => u.Id == currentUser.Id).Select(u => u.Thema).FirstOrDefaultAsync(cancellationToken);
        return new Kop(organisatie ?? "", currentUser.Naam, thema);
    }
}

/// <summary>Stores the user's choice of light, dark or the operating system's theme.</summary>
public sealed class ThemaKiezenHandler(IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser)
{
    public static readonly string[] Keuzes = ["licht", "donker"];

    public async Task HandleAsync(string? thema, CancellationToken cancellationToken = default)
    {
        if (thema is not null && !Keuzes.Contains(thema))
        {
            throw new ArgumentOutOfRangeException(nameof(thema));
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await db.Users.Where(u => u.Id == currentUser.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(u => u.Thema, thema), cancellationToken);
    }
}
