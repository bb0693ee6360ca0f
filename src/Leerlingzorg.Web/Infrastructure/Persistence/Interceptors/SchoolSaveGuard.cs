using Leerlingzorg.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// Stamps new school-owned rows with the context's school and refuses any write that would put a row in,
/// or move it to, another school; the same for a samenwerkingsverband's rows (ADR 0010). A refusal is a bug, never an expected outcome: it throws.
/// </summary>
public sealed class SchoolSaveGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Guard(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Guard(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Guard(DbContext? context)
    {
        if (context is not LeerlingzorgDbContext db)
        {
            return;
        }
        foreach (var entry in db.ChangeTracker.Entries<ISchoolOwned>())
        {
            switch (entry.State)
            {
                case EntityState.Added:
                    var school = db.SchoolId ?? throw new SchoolMismatchException(
                        $"Een {entry.Metadata.ClrType.Name} opslaan kan alleen binnen een school.");
                    if (entry.Entity.SchoolId == Guid.Empty)
                    {
                        entry.Entity.SchoolId = school;
                    }
                    else if (entry.Entity.SchoolId != school)
                    {
                        throw new SchoolMismatchException(
                            $"Een {entry.Metadata.ClrType.Name} van een andere school kan hier niet worden opgeslagen.");
                    }
                    break;
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.SchoolId).OriginalValue;
                    if (original != db.SchoolId || entry.Entity.SchoolId != original)
                    {
                        throw new SchoolMismatchException(
                            $"Een {entry.Metadata.ClrType.Name} van een andere school kan hier niet worden gewijzigd.");
                    }
                    break;
            }
        }
        GuardSwv(db);
    }

    // ADR 0010: an SWV's rows are written by that SWV; what a school sends, it sends once, to its own SWV (checked by RLS).
    private static void GuardSwv(LeerlingzorgDbContext db)
    {
        foreach (var entry in db.ChangeTracker.Entries<ISwvOwned>())
        {
            var naam = entry.Metadata.ClrType.Name;
            switch (entry.State)
            {
                case EntityState.Added when db.SwvId is { } swv:
                    if (entry.Entity.SwvId == Guid.Empty)
                    {
                        entry.Entity.SwvId = swv;
                    }
                    else if (entry.Entity.SwvId != swv)
                    {
                        throw new SchoolMismatchException($"Een {naam} van een ander samenwerkingsverband kan hier niet worden opgeslagen.");
                    }
                    break;
                case EntityState.Added when entry.Entity is ISwvIngediend ingediend && db.SchoolId is { } school:
                    if (ingediend.SchoolId == Guid.Empty)
                    {
                        ingediend.SchoolId = school;
                    }
                    if (ingediend.SchoolId != school || ingediend.SwvId == Guid.Empty)
                    {
                        throw new SchoolMismatchException($"Een {naam} kan een school alleen namens zichzelf indienen, bij haar eigen samenwerkingsverband.");
                    }
                    break;
                case EntityState.Added:
                    throw new SchoolMismatchException($"Een {naam} opslaan kan alleen binnen een samenwerkingsverband.");
                case EntityState.Modified or EntityState.Deleted:
                    var original = entry.Property(e => e.SwvId).OriginalValue;
                    if (original != db.SwvId || entry.Entity.SwvId != original)
                    {
                        throw new SchoolMismatchException($"Een {naam} kan alleen het eigen samenwerkingsverband wijzigen.");
                    }
                    break;
            }
        }
    }
}

public sealed class SchoolMismatchException(string message) : InvalidOperationException(message);
