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
        builder.Property(k => k.Afdeling).HasMaxLength(50);
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
