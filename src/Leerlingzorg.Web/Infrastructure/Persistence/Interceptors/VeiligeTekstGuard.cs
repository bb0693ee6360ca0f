using Leerlingzorg.Domain;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Interceptors;

/// <summary>
/// The last line of defence for text: every string written through EF Core (owned JSON columns included) is
/// cleaned by <see cref="Tekst.Veilig"/>, so that a handler that forgot to clean can never make PostgreSQL refuse
/// the save (a NUL fails the whole statement) and kill the user's circuit. Validators and handlers clean first and
/// say so in Dutch; this only removes what could never be stored.
/// </summary>
public sealed class VeiligeTekstGuard : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Schoon(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData,
        InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        Schoon(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private static void Schoon(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        if (context.ChangeTracker.AutoDetectChangesEnabled)
        {
            context.ChangeTracker.DetectChanges();
        }
        foreach (var entry in context.ChangeTracker.Entries())
        {
            if (entry.State is not (EntityState.Added or EntityState.Modified))
            {
                continue;
            }
            foreach (var property in entry.Properties)
            {
                if (property.Metadata.ClrType == typeof(string) && property.CurrentValue is string tekst && !Tekst.IsVeilig(tekst)
                    && !IsJson(property))
                {
                    property.CurrentValue = Tekst.Veilig(tekst);
                }
            }
        }
    }

    // A jsonb column holds JSON text, whose strings are cleaned when it is written (VeiligeTekstJson).
    private static bool IsJson(PropertyEntry property) =>
        string.Equals(property.Metadata.GetColumnType(), "jsonb", StringComparison.OrdinalIgnoreCase);
}
