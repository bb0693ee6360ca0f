using Leerlingzorg.Domain;
using Leerlingzorg.Domain.Organisatie;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal static class SchoolOwnership
{
    /// <summary>
    /// The row belongs to a school; children reference it by (school_id, id), so that no row can point
    /// into another school.
    /// </summary>
    public static void IsSchoolOwnedWithId<T>(this EntityTypeBuilder<T> builder, System.Linq.Expressions.Expression<Func<T, object?>> alternateKey)
        where T : class, ISchoolOwned
    {
        builder.HasAlternateKey(alternateKey!);
        builder.BelongsToSchool();
    }

    public static void BelongsToSchool<T>(this EntityTypeBuilder<T> builder) where T : class, ISchoolOwned =>
        builder.HasOne<School>().WithMany().HasForeignKey(e => e.SchoolId).OnDelete(DeleteBehavior.Restrict);
}
