using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Ondersteuning;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class PmStapConfiguration : IEntityTypeConfiguration<PmStap>
{
    public void Configure(EntityTypeBuilder<PmStap> builder)
    {
        builder.ToTable("pm_stappen");
        builder.IsSchoolOwnedWithId(s => new { s.SchoolId, s.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(s => new { s.SchoolId, s.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(s => s.DoorId).OnDelete(DeleteBehavior.Restrict);
        // Levels as their number (0–4): ordered, so "PM III or higher" is a range in SQL.
        builder.Property(s => s.Reden).HasMaxLength(4_000);
        builder.Property(s => s.Geprobeerd).HasMaxLength(4_000);
        builder.Property(s => s.Rechtvaardiging).HasMaxLength(4_000);
        builder.Ignore(s => s.IsOmhoog);
        builder.Ignore(s => s.IsOmlaag);
        builder.Ignore(s => s.IsSprong);
        // The student's history and timeline.
        builder.HasIndex(s => new { s.SchoolId, s.LeerlingId, s.Datum });
    }
}

internal sealed class OndersteuningsaanbodConfiguration : IEntityTypeConfiguration<Ondersteuningsaanbod>
{
    public void Configure(EntityTypeBuilder<Ondersteuningsaanbod> builder)
    {
        builder.ToTable("ondersteuningsaanbod");
        builder.IsSchoolOwnedWithId(a => new { a.SchoolId, a.Id });
        builder.Property(a => a.Naam).HasMaxLength(100);
        builder.Property(a => a.Aanbieder).HasMaxLength(150);
        builder.Property(a => a.Omschrijving).HasMaxLength(4_000);
        builder.Property(a => a.Categorie).HasConversion<string>().HasMaxLength(30);
        builder.Property(a => a.Aanbiedersoort).HasConversion<string>().HasMaxLength(10);
        builder.Property(a => a.ToestemmingNodig).HasConversion<string>().HasMaxLength(30);
        builder.HasIndex(a => new { a.SchoolId, a.Naam }).IsUnique();
    }
}

internal sealed class InzetConfiguration : IEntityTypeConfiguration<Inzet>
{
    public void Configure(EntityTypeBuilder<Inzet> builder)
    {
        builder.ToTable("inzetten");
        builder.IsSchoolOwnedWithId(i => new { i.SchoolId, i.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne(i => i.Aanbod).WithMany()
            .HasForeignKey(i => new { i.SchoolId, i.AanbodId })
            .HasPrincipalKey(a => new { a.SchoolId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(i => i.EigenaarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(i => i.AangemaaktDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(i => i.Doel).HasMaxLength(4_000);
        builder.Property(i => i.Frequentie).HasMaxLength(100);
        builder.Property(i => i.Evaluatie).HasMaxLength(4_000);
        builder.Property(i => i.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Uitkomst).HasConversion<string>().HasMaxLength(20);
        builder.Property(i => i.Versie).IsConcurrencyToken();
        builder.HasIndex(i => new { i.SchoolId, i.LeerlingId });
        // Capacity and waiting list per offer; the owner's overdue reviews.
        builder.HasIndex(i => new { i.SchoolId, i.AanbodId, i.Status });
        builder.HasIndex(i => new { i.SchoolId, i.EigenaarId, i.VolgendeEvaluatie });
    }
}

internal sealed class ToestemmingConfiguration : IEntityTypeConfiguration<Toestemming>
{
    public void Configure(EntityTypeBuilder<Toestemming> builder)
    {
        builder.ToTable("toestemmingen");
        builder.IsSchoolOwnedWithId(t => new { t.SchoolId, t.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(t => new { t.SchoolId, t.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Ouder>().WithMany()
            .HasForeignKey(t => new { t.SchoolId, t.OuderId })
            .HasPrincipalKey(o => new { o.SchoolId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(t => t.VastgelegdDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(t => t.Doel).HasConversion<string>().HasMaxLength(30);
        builder.Property(t => t.Wijze).HasConversion<string>().HasMaxLength(20);
        builder.Property(t => t.Partner).HasMaxLength(150);
        builder.Property(t => t.Opmerking).HasMaxLength(2_000);
        builder.Property(t => t.IngetrokkenDoor).HasMaxLength(200);
        builder.Ignore(t => t.DoorLeerling);
        builder.Ignore(t => t.IsIngetrokken);
        builder.HasIndex(t => new { t.SchoolId, t.LeerlingId, t.Doel });
        // Consent expiring, for the zorgcoördinator's overview.
        builder.HasIndex(t => new { t.SchoolId, t.GeldigTot });
    }
}

internal sealed class OndersteuningspasConfiguration : IEntityTypeConfiguration<Ondersteuningspas>
{
    public void Configure(EntityTypeBuilder<Ondersteuningspas> builder)
    {
        builder.ToTable("ondersteuningspassen");
        builder.IsSchoolOwnedWithId(p => new { p.SchoolId, p.Id });
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(p => new { p.SchoolId, p.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(p => p.AangemaaktDoor).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.Diagnose).HasMaxLength(2_000);
        builder.OwnsMany(p => p.Faciliteiten, f =>
        {
            f.ToJson();
            f.Property(x => x.Soort).HasConversion<string>();
        });
        builder.Property(p => p.Versie).IsConcurrencyToken();
        // The current pass of a student (class lists show its facilities as an icon).
        builder.HasIndex(p => new { p.SchoolId, p.LeerlingId }).IsUnique().HasFilter("vervallen_op IS NULL");
    }
}
