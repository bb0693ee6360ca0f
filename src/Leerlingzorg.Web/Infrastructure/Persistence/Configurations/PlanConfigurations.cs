using System.Text.Json;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Domain.Plannen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class PlanConfiguration : IEntityTypeConfiguration<Plan>
{
    public void Configure(EntityTypeBuilder<Plan> builder)
    {
        builder.ToTable("plannen");
        builder.IsSchoolOwnedWithId(p => new { p.SchoolId, p.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(p => new { p.SchoolId, p.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(p => p.AangemaaktDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Soort).HasConversion<string>().HasMaxLength(20);
        builder.Property(p => p.Beeindigingsreden).HasMaxLength(Plan.MaxReden);
        builder.Property(p => p.Versie).IsConcurrencyToken();
        builder.HasMany(p => p.Versies).WithOne()
            .HasForeignKey(v => new { v.SchoolId, v.PlanId })
            .HasPrincipalKey(p => new { p.SchoolId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(p => p.IsBeeindigd);
        builder.Ignore(p => p.InWerking);
        builder.Ignore(p => p.Lopend);
        builder.Ignore(p => p.Laatste);
        builder.HasIndex(p => new { p.SchoolId, p.LeerlingId });
    }
}

internal sealed class PlanVersieConfiguration : IEntityTypeConfiguration<PlanVersie>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<PlanVersie> builder)
    {
        builder.ToTable("plan_versies");
        builder.IsSchoolOwnedWithId(v => new { v.SchoolId, v.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(v => new { v.SchoolId, v.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        // The text as one jsonb document: it is read and written whole (the editor, the portal, the PDF); the fields the
        // lists need (status, dates, the planned evaluation) are columns. The Domain cleans every string first: jsonb
        // refuses an escaped NUL.
        builder.Property(v => v.Inhoud).HasColumnType("jsonb")
            .HasConversion(
                i => JsonSerializer.Serialize(i, Json),
                s => JsonSerializer.Deserialize<PlanInhoud>(s, Json) ?? new PlanInhoud(),
                new ValueComparer<PlanInhoud>(
                    (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                    i => JsonSerializer.Serialize(i, Json).GetHashCode(StringComparison.Ordinal),
                    i => JsonSerializer.Deserialize<PlanInhoud>(JsonSerializer.Serialize(i, Json), Json)!));
        builder.Property(v => v.Evaluatie).HasMaxLength(PlanVersie.MaxEvaluatie);
        builder.Property(v => v.Versie).IsConcurrencyToken();
        builder.Ignore(v => v.IsInWerking);
        builder.HasIndex(v => new { v.SchoolId, v.PlanId, v.Nummer }).IsUnique();
        builder.HasIndex(v => new { v.SchoolId, v.LeerlingId });
    }
}

internal sealed class InstemmingConfiguration : IEntityTypeConfiguration<Instemming>
{
    public void Configure(EntityTypeBuilder<Instemming> builder)
    {
        builder.ToTable("instemmingen");
        builder.IsSchoolOwnedWithId(i => new { i.SchoolId, i.Id });
        builder.HasOne<PlanVersie>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.VersieId })
            .HasPrincipalKey(v => new { v.SchoolId, v.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ouder>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.OuderId })
            .HasPrincipalKey(o => new { o.SchoolId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Wijze).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Reden).HasMaxLength(Instemming.MaxReden);
        builder.Property(i => i.Versie).IsConcurrencyToken();
        builder.HasIndex(i => new { i.SchoolId, i.VersieId });
        // The parent's portal: what waits for him.
        builder.HasIndex(i => new { i.SchoolId, i.OuderId, i.Status });
    }
}

internal sealed class PlanoverlegConfiguration : IEntityTypeConfiguration<Planoverleg>
{
    public void Configure(EntityTypeBuilder<Planoverleg> builder)
    {
        builder.ToTable("plan_overleggen");
        builder.IsSchoolOwnedWithId(o => new { o.SchoolId, o.Id });
        builder.HasOne<PlanVersie>().WithMany()
            .HasForeignKey(o => new { o.SchoolId, o.VersieId })
            .HasPrincipalKey(v => new { v.SchoolId, v.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(o => new { o.SchoolId, o.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(o => o.Aanleiding).HasMaxLength(Instemming.MaxReden);
        builder.Property(o => o.Verslag).HasMaxLength(Planoverleg.MaxVerslag);
        builder.Property(o => o.Versie).IsConcurrencyToken();
        builder.Ignore(o => o.IsAfgesloten);
        builder.HasIndex(o => new { o.SchoolId, o.LeerlingId });
    }
}

internal sealed class ToestemmingsverzoekConfiguration : IEntityTypeConfiguration<Toestemmingsverzoek>
{
    public void Configure(EntityTypeBuilder<Toestemmingsverzoek> builder)
    {
        builder.ToTable("toestemmingsverzoeken");
        builder.IsSchoolOwnedWithId(v => new { v.SchoolId, v.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(v => new { v.SchoolId, v.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ouder>().WithMany()
            .HasForeignKey(v => new { v.SchoolId, v.OuderId })
            .HasPrincipalKey(o => new { o.SchoolId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(v => v.GevraagdDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(v => v.Doel).HasConversion<string>().HasMaxLength(30);
        builder.Property(v => v.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(v => v.Partner).HasMaxLength(Toestemming.MaxPartner);
        builder.Property(v => v.Toelichting).HasMaxLength(Toestemmingsverzoek.MaxToelichting);
        builder.Property(v => v.Reden).HasMaxLength(Toestemmingsverzoek.MaxReden);
        builder.Property(v => v.Versie).IsConcurrencyToken();
        builder.HasIndex(v => new { v.SchoolId, v.LeerlingId });
        builder.HasIndex(v => new { v.SchoolId, v.OuderId, v.Status });
    }
}
