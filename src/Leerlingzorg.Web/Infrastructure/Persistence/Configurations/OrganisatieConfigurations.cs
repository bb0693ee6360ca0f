using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class SamenwerkingsverbandConfiguration : IEntityTypeConfiguration<Samenwerkingsverband>
{
    public void Configure(EntityTypeBuilder<Samenwerkingsverband> builder)
    {
        builder.Property(s => s.Naam).HasMaxLength(200);
        builder.Property(s => s.Code).HasMaxLength(20);
    }
}

internal sealed class SchoolConfiguration : IEntityTypeConfiguration<School>
{
    public void Configure(EntityTypeBuilder<School> builder)
    {
        builder.ToTable("scholen");
        builder.Property(s => s.Naam).HasMaxLength(200);
        builder.Property(s => s.Brinnummer).HasMaxLength(6);
        builder.HasIndex(s => s.Brinnummer).IsUnique();
        builder.Property(s => s.OppInstemming).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(s => s.Samenwerkingsverband).WithMany(w => w.Scholen)
            .HasForeignKey(s => s.SamenwerkingsverbandId).OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(s => s.Locaties).WithOne().HasForeignKey(l => l.SchoolId).OnDelete(DeleteBehavior.Restrict);
    }
}

internal sealed class LocatieConfiguration : IEntityTypeConfiguration<Locatie>
{
    public void Configure(EntityTypeBuilder<Locatie> builder)
    {
        builder.HasAlternateKey(l => new { l.SchoolId, l.Id });
        builder.Property(l => l.Naam).HasMaxLength(200);
        builder.Property(l => l.Plaats).HasMaxLength(100);
    }
}

internal sealed class KlasConfiguration : IEntityTypeConfiguration<Klas>
{
    public void Configure(EntityTypeBuilder<Klas> builder)
    {
        builder.ToTable("klassen");
        builder.IsSchoolOwnedWithId(k => new { k.SchoolId, k.Id });
        builder.Property(k => k.Naam).HasMaxLength(20);
        builder.HasOne(k => k.Afdeling).WithMany()
            .HasForeignKey(k => new { k.SchoolId, k.AfdelingId })
            .HasPrincipalKey(a => new { a.SchoolId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(k => k.Schooljaar).HasConversion(j => j.Startjaar, j => new Schooljaar(j));
        builder.HasOne(k => k.Locatie).WithMany()
            .HasForeignKey(k => new { k.SchoolId, k.LocatieId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(k => new { k.SchoolId, k.Schooljaar, k.Naam }).IsUnique();
        builder.HasMany(k => k.Mentoren).WithOne()
            .HasForeignKey(m => new { m.SchoolId, m.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Cascade);
    }
}

internal sealed class KlasMentorConfiguration : IEntityTypeConfiguration<KlasMentor>
{
    public void Configure(EntityTypeBuilder<KlasMentor> builder)
    {
        builder.ToTable("klas_mentoren");
        builder.HasKey(m => new { m.SchoolId, m.KlasId, m.MedewerkerId });
        builder.BelongsToSchool();
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(m => m.MedewerkerId).OnDelete(DeleteBehavior.Restrict);
        // "Mijn klassen": the classes of one mentor.
        builder.HasIndex(m => new { m.SchoolId, m.MedewerkerId });
    }
}

internal sealed class AfdelingConfiguration : IEntityTypeConfiguration<Afdeling>
{
    public void Configure(EntityTypeBuilder<Afdeling> builder)
    {
        builder.ToTable("afdelingen");
        builder.IsSchoolOwnedWithId(a => new { a.SchoolId, a.Id });
        builder.Property(a => a.Naam).HasMaxLength(50);
        builder.HasIndex(a => new { a.SchoolId, a.Naam }).IsUnique();
    }
}

internal sealed class CoordinatorConfiguration : IEntityTypeConfiguration<Coordinator>
{
    public void Configure(EntityTypeBuilder<Coordinator> builder)
    {
        builder.ToTable("coordinatoren");
        builder.IsSchoolOwnedWithId(c => new { c.SchoolId, c.Id });
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(c => c.MedewerkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Afdeling>().WithMany()
            .HasForeignKey(c => new { c.SchoolId, c.AfdelingId })
            .HasPrincipalKey(a => new { a.SchoolId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(c => new { c.SchoolId, c.MedewerkerId });
        builder.ToTable(t => t.HasCheckConstraint("ck_coordinator_leerjaar_of_afdeling", "leerjaar IS NOT NULL OR afdeling_id IS NOT NULL"));
    }
}

internal sealed class LesopdrachtConfiguration : IEntityTypeConfiguration<Lesopdracht>
{
    public void Configure(EntityTypeBuilder<Lesopdracht> builder)
    {
        builder.ToTable("lesopdrachten");
        builder.IsSchoolOwnedWithId(l => new { l.SchoolId, l.Id });
        builder.Property(l => l.Vak).HasMaxLength(60);
        builder.HasOne<Klas>().WithMany()
            .HasForeignKey(l => new { l.SchoolId, l.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(l => l.MedewerkerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(l => new { l.SchoolId, l.KlasId, l.MedewerkerId, l.Vak }).IsUnique();
        // "The students I teach": the docent's classes.
        builder.HasIndex(l => new { l.SchoolId, l.MedewerkerId });
    }
}

internal sealed class SchooljaarovergangConfiguration : IEntityTypeConfiguration<Schooljaarovergang>
{
    public void Configure(EntityTypeBuilder<Schooljaarovergang> builder)
    {
        builder.ToTable("schooljaarovergangen");
        builder.BelongsToSchool();
        builder.Property(o => o.Van).HasConversion(j => j.Startjaar, j => new Schooljaar(j));
        builder.Property(o => o.Naar).HasConversion(j => j.Startjaar, j => new Schooljaar(j));
        // Once per school and schooljaar: two beheerders confirming at the same time cannot both roll over.
        builder.HasIndex(o => new { o.SchoolId, o.Van }).IsUnique();
    }
}
