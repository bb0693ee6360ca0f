using Leerlingzorg.Domain.Dossier;
using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class GesprekSoortConfiguration : IEntityTypeConfiguration<GesprekSoort>
{
    public void Configure(EntityTypeBuilder<GesprekSoort> builder)
    {
        builder.ToTable("gesprek_soorten");
        builder.IsSchoolOwnedWithId(s => new { s.SchoolId, s.Id });
        builder.Property(s => s.Naam).HasMaxLength(60);
        builder.HasIndex(s => new { s.SchoolId, s.Naam }).IsUnique();
    }
}

internal sealed class GesprekConfiguration : IEntityTypeConfiguration<Gesprek>
{
    public void Configure(EntityTypeBuilder<Gesprek> builder)
    {
        builder.ToTable("gesprekken");
        builder.IsSchoolOwnedWithId(g => new { g.SchoolId, g.Id });
        builder.HasOne(g => g.Soort).WithMany()
            .HasForeignKey(g => new { g.SchoolId, g.SoortId })
            .HasPrincipalKey(s => new { s.SchoolId, s.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(g => g.AuteurId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(g => g.Samenvatting).HasMaxLength(20_000);
        builder.Property(g => g.AndereDeelnemers).HasMaxLength(500);
        builder.Property(g => g.VerwijderReden).HasMaxLength(500);
        builder.Property(g => g.Vertrouwelijkheid).HasConversion<string>().HasMaxLength(20);
        // Optimistic concurrency on what people edit: the revision number.
        builder.Property(g => g.Versie).IsConcurrencyToken();
        builder.OwnsOne(g => g.Voortgang, v => v.ToJson());
        builder.HasMany(g => g.Leerlingen).WithOne()
            .HasForeignKey(l => new { l.SchoolId, l.GesprekId })
            .HasPrincipalKey(g => new { g.SchoolId, g.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasMany(g => g.Afspraken).WithOne()
            .HasForeignKey(a => new { a.SchoolId, a.GesprekId })
            .HasPrincipalKey(g => new { g.SchoolId, g.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(g => new { g.SchoolId, g.AuteurId, g.Datum });
        builder.Ignore(g => g.IsVerwijderd);
    }
}

internal sealed class GesprekLeerlingConfiguration : IEntityTypeConfiguration<GesprekLeerling>
{
    public void Configure(EntityTypeBuilder<GesprekLeerling> builder)
    {
        builder.ToTable("gesprek_leerlingen");
        builder.HasKey(l => new { l.SchoolId, l.GesprekId, l.LeerlingId });
        builder.BelongsToSchool();
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(l => new { l.SchoolId, l.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        // The student's timeline.
        builder.HasIndex(l => new { l.SchoolId, l.LeerlingId });
    }
}

internal sealed class GesprekRevisieConfiguration : IEntityTypeConfiguration<GesprekRevisie>
{
    public void Configure(EntityTypeBuilder<GesprekRevisie> builder)
    {
        builder.ToTable("gesprek_revisies");
        builder.IsSchoolOwnedWithId(r => new { r.SchoolId, r.Id });
        builder.Property(r => r.Inhoud).HasColumnType("jsonb");
        builder.HasOne<Gesprek>().WithMany()
            .HasForeignKey(r => new { r.SchoolId, r.GesprekId })
            .HasPrincipalKey(g => new { g.SchoolId, g.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(r => new { r.SchoolId, r.GesprekId, r.Versie }).IsUnique();
    }
}

internal sealed class GesprekConceptConfiguration : IEntityTypeConfiguration<GesprekConcept>
{
    public void Configure(EntityTypeBuilder<GesprekConcept> builder)
    {
        builder.ToTable("gesprek_concepten");
        builder.IsSchoolOwnedWithId(c => new { c.SchoolId, c.Id });
        builder.Property(c => c.Sleutel).HasMaxLength(100);
        builder.Property(c => c.Inhoud).HasColumnType("jsonb");
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(c => c.AuteurId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(c => new { c.SchoolId, c.AuteurId, c.Sleutel }).IsUnique();
    }
}

internal sealed class AfspraakConfiguration : IEntityTypeConfiguration<Afspraak>
{
    public void Configure(EntityTypeBuilder<Afspraak> builder)
    {
        builder.ToTable("afspraken");
        builder.IsSchoolOwnedWithId(a => new { a.SchoolId, a.Id });
        builder.Property(a => a.Wat).HasMaxLength(500);
        builder.Property(a => a.Evaluatie).HasMaxLength(2000);
        builder.HasOne<Leerling>().WithMany()
            .HasForeignKey(a => new { a.SchoolId, a.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(a => a.EigenaarId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Domain.Besprekingen.Agendapunt>().WithMany()
            .HasForeignKey(a => new { a.SchoolId, a.AgendapuntId })
            .HasPrincipalKey(p => new { p.SchoolId, p.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(a => new { a.SchoolId, a.AgendapuntId });
        // "Mijn afspraken": open ones first, by deadline.
        builder.HasIndex(a => new { a.SchoolId, a.EigenaarId, a.AfgerondOp, a.Deadline });
        builder.HasIndex(a => new { a.SchoolId, a.LeerlingId });
        builder.Ignore(a => a.IsAfgerond);
    }
}
