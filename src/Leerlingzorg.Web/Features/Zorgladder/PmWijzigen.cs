using System.Data;
using FluentValidation;
using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Audit;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Audit;
using Leerlingzorg.Web.Infrastructure.Authorization;
using Leerlingzorg.Web.Infrastructure.Persistence;
using Leerlingzorg.Web.Infrastructure.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Leerlingzorg.Web.Features.Zorgladder;

/// <summary>
/// The form of a change of level. <see cref="Van"/>, <see cref="VanSinds"/> and <see cref="Versie"/> are the ladder as the
/// user saw it when he opened the form: a change by someone else since is refused (optimistic concurrency).
/// </summary>
public sealed class PmWijzigenInvoer
{
    public Guid LeerlingId { get; set; }
    public PmNiveau Van { get; set; }
    public DateOnly? VanSinds { get; set; }
    /// <summary>The number of steps the user saw: the history is append-only, so this is its version.</summary>
    public int Versie { get; set; }
    public PmNiveau? Naar { get; set; }
    public DateTime? Datum { get; set; }
    public string? Reden { get; set; }
    public string? Geprobeerd { get; set; }
    public string? Rechtvaardiging { get; set; }

    public PmWijziging? AlsWijziging() => Naar is { } naar && Datum is { } datum
        ? new PmWijziging(naar, DateOnly.FromDateTime(datum), Reden, Geprobeerd, Rechtvaardiging)
        : null;
}

/// <summary>The form's rules per field: the Domain's (<see cref="Ladderregels.Controleer"/>), so the form and the handler agree.</summary>
public sealed class PmWijzigenValidator : AbstractValidator<PmWijzigenInvoer>
{
    public PmWijzigenValidator(TimeProvider time)
    {
        ArgumentNullException.ThrowIfNull(time);
        RuleFor(x => x.Naar).NotNull().WithMessage("Kies het nieuwe niveau.")
            .Custom((_, ctx) => Regels(ctx, Ladderregels.Velden.Naar, time));
        RuleFor(x => x.Datum).NotNull().WithMessage("Vul de datum in vanaf wanneer het niveau geldt.")
            .Custom((_, ctx) => Regels(ctx, Ladderregels.Velden.Datum, time));
        RuleFor(x => x.Reden).Custom((_, ctx) => Regels(ctx, Ladderregels.Velden.Reden, time));
        RuleFor(x => x.Geprobeerd).Custom((_, ctx) => Regels(ctx, Ladderregels.Velden.Geprobeerd, time));
        RuleFor(x => x.Rechtvaardiging).Custom((_, ctx) => Regels(ctx, Ladderregels.Velden.Rechtvaardiging, time));
    }

    private static void Regels(ValidationContext<PmWijzigenInvoer> ctx, string veld, TimeProvider time)
    {
        var invoer = ctx.InstanceToValidate;
        if (invoer.AlsWijziging() is not { } wijziging)
        {
            return;
        }
        foreach (var fout in Ladderregels.Controleer(invoer.Van, invoer.VanSinds, wijziging, Schoolkalender.Vandaag(time)).Where(f => f.Veld == veld))
        {
            ctx.AddFailure(veld, fout.Melding);
        }
    }
}

/// <summary>A change of level that was saved: what the header and the ladder show now.</summary>
public sealed record PmGewijzigd(Guid LeerlingId, Guid StapId, PmNiveau Niveau, DateOnly Sinds);

/// <summary>
/// Changes a student's level on the ladder (<see cref="Ladderregels.ZetOpNiveau"/>): staff only, a student the user sees,
/// the mentor, his coördinator or the zorgcoördinator (PM III and IV the zorgcoördinator only), PM IV with consent for the
/// ZAT. The step, the student's level and the audit line go in one SaveChanges, in a repeatable-read transaction: two
/// people changing at once cannot both win (the second is told so), nor can a form opened before someone else's change.
/// </summary>
public sealed class PmWijzigenHandler(
    IDbContextFactory<LeerlingzorgDbContext> dbFactory, CurrentUser currentUser, AuditLog audit, TimeProvider time)
{
    public static readonly Fout Conflict = new(FoutSoort.Conflict,
        "Het niveau van deze leerling is intussen door iemand anders gewijzigd. Uw tekst staat nog in dit venster; "
        + "kopieer hem zo nodig, sluit het venster en bekijk eerst het nieuwe niveau.");

    private readonly List<Func<PmGewijzigd, Task>> volgers = [];

    public PmWijzigenValidator Validator { get; } = new(time);

    /// <summary>
    /// Tells <paramref name="bij"/> of every change saved through this circuit's handler (the student's header shows the
    /// new level and refreshes the timeline); dispose the result to stop.
    /// </summary>
    public IDisposable Volg(Func<PmGewijzigd, Task> bij)
    {
        ArgumentNullException.ThrowIfNull(bij);
        lock (volgers)
        {
            volgers.Add(bij);
        }
        return new Afmelding(() =>
        {
            lock (volgers)
            {
                volgers.Remove(bij);
            }
        });
    }

    public async Task<Result<PmGewijzigd>> HandleAsync(PmWijzigenInvoer invoer, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(invoer);
        var result = await WijzigAsync(invoer, cancellationToken).BijStoring();
        if (result.IsGelukt)
        {
            Func<PmGewijzigd, Task>[] nu;
            lock (volgers)
            {
                nu = [.. volgers];
            }
            foreach (var volger in nu)
            {
                await volger(result.Waarde);
            }
        }
        return result;
    }

    private async Task<Result<PmGewijzigd>> WijzigAsync(PmWijzigenInvoer invoer, CancellationToken cancellationToken)
    {
        if (currentUser.Id is not { } ik || currentUser.SchoolId is null || !Toegang.IsMedewerker(currentUser))
        {
            return Fout.GeenToegang;
        }
        var validatie = await Validator.ValidateAsync(invoer, cancellationToken);
        if (!validatie.IsValid || invoer.AlsWijziging() is not { } wijziging)
        {
            return Fout.Ongeldig(validatie);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        try
        {
            await using var transactie = await db.Database.BeginTransactionAsync(IsolationLevel.RepeatableRead, cancellationToken);
            if (await db.DossierlezerAsync(currentUser, invoer.LeerlingId, cancellationToken) is not { } lezer)
            {
                return Fout.NietGevonden("De leerling");
            }
            if (!Ladderregels.MagWijzigen(lezer.Lezer))
            {
                return new Fout(FoutSoort.GeenToegang, "Alleen de mentor, de coördinator van de leerling of de zorgcoördinator wijzigt het PM-niveau.");
            }
            var leerling = await db.Leerlingen.AsTracking()
                .Include(l => l.Ouders).ThenInclude(o => o.Ouder)
                .FirstOrDefaultAsync(l => l.Id == invoer.LeerlingId, cancellationToken);
            if (leerling is null)
            {
                return Fout.NietGevonden("De leerling");
            }
            var versie = await db.PmStappen.CountAsync(s => s.LeerlingId == leerling.Id, cancellationToken);
            if (leerling.PmNiveau != invoer.Van || versie != invoer.Versie)
            {
                return Conflict;
            }
            var van = leerling.PmNiveau;
            var toestemmingen = wijziging.Naar == PmNiveau.PmIV
                ? await db.Toestemmingen.Where(t => t.LeerlingId == leerling.Id && t.Doel == ToestemmingDoel.BesprekingZat).ToListAsync(cancellationToken)
                : [];
            var namen = leerling.Ouders.Where(o => o.Ouder is not null)
                .ToDictionary(o => o.OuderId, o => Naam.Volledig(o.Ouder!.Voornaam, o.Ouder.Tussenvoegsel, o.Ouder.Achternaam));
            var besluit = leerling.ZetOpNiveau(wijziging, lezer.Lezer, ik, Schoolkalender.Vandaag(time), time.GetUtcNow(), toestemmingen, namen);
            if (besluit.Stap is not { } stap)
            {
                return new Fout(besluit.Onbevoegd ? FoutSoort.GeenToegang : FoutSoort.Ongeldig, besluit.Melding);
            }
            db.PmStappen.Add(stap);
            audit.Add(db, AuditActie.Wijzigen, leerling.Id, $"zorgladder {van.Kort()} naar {stap.Naar.Kort()} ({stap.Id})");
            await db.SaveChangesAsync(cancellationToken);
            await transactie.CommitAsync(cancellationToken);
            return new PmGewijzigd(leerling.Id, stap.Id, stap.Naar, stap.Datum);
        }
        catch (Exception e) when (IsGelijktijdig(e))
        {
            return Conflict;
        }
    }

    /// <summary>PostgreSQL's "could not serialize access due to concurrent update": someone else changed the student first.</summary>
    private static bool IsGelijktijdig(Exception? e)
    {
        for (; e is not null; e = e.InnerException)
        {
            if (e is Npgsql.PostgresException { SqlState: Npgsql.PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }
        return false;
    }

    private sealed class Afmelding(Action afmelden) : IDisposable
    {
        public void Dispose() => afmelden();
    }
}
