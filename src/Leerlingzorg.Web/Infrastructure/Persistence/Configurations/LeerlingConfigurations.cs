using Leerlingzorg.Domain.Leerlingen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Infrastructure.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class LeerlingConfiguration : IEntityTypeConfiguration<Leerling>
{
    /// <summary>
    /// The stored search text (a shadow property: the Domain has no use for it), computed once per write instead of
    /// per row and search; under RLS the trigram filter runs on the school's rows, so that is what a search costs.
    /// </summary>
    public const string Zoektekst = "Zoektekst";

    public void Configure(EntityTypeBuilder<Leerling> builder)
    {
        builder.ToTable("leerlingen");
        builder.IsSchoolOwnedWithId(l => new { l.SchoolId, l.Id });
        builder.Property(l => l.Leerlingnummer).HasMaxLength(20);
        builder.Property(l => l.PmNiveau).HasDefaultValue(Domain.Ondersteuning.PmNiveau.PmI).HasSentinel((Domain.Ondersteuning.PmNiveau)(-1));
        // The zorgcoördinator's overview: students per level.
        builder.HasIndex(l => new { l.SchoolId, l.PmNiveau });
        builder.Property(l => l.Voornaam).HasMaxLength(100);
        builder.Property(l => l.Tussenvoegsel).HasMaxLength(20);
        builder.Property(l => l.Achternaam).HasMaxLength(100);
        // Indexed by ix_leerlingen_zoeken (GIN on school_id and this column, migration Zoekkolom).
        builder.Property<string>(Zoektekst).HasColumnType("text").IsRequired()
            .HasComputedColumnSql("lz_zoektekst(voornaam, tussenvoegsel, achternaam, leerlingnummer)", stored: true);
        builder.HasIndex(l => new { l.SchoolId, l.Leerlingnummer }).IsUnique();
        builder.HasIndex(l => new { l.SchoolId, l.KlasId });
        builder.HasOne(l => l.Klas).WithMany(k => k.Leerlingen)
            .HasForeignKey(l => new { l.SchoolId, l.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasMany(l => l.Ouders).WithOne()
            .HasForeignKey(o => new { o.SchoolId, o.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(l => l.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(l => l.Uitschrijfreden).HasMaxLength(200);
        builder.HasMany(l => l.Plaatsingen).WithOne()
            .HasForeignKey(p => new { p.SchoolId, p.LeerlingId })
            .HasPrincipalKey(l => new { l.SchoolId, l.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Ignore(l => l.VolledigeNaam);
        builder.Ignore(l => l.Sorteernaam);
    }
}

internal sealed class KlasPlaatsingConfiguration : IEntityTypeConfiguration<KlasPlaatsing>
{
    public void Configure(EntityTypeBuilder<KlasPlaatsing> builder)
    {
        builder.ToTable("klasplaatsingen");
        builder.IsSchoolOwnedWithId(p => new { p.SchoolId, p.Id });
        // The id is made in the Domain (Guid v7), never by the database: Leerling adds new placements to its own
        // collection, and EF Core tracks a new entity found there as Added only when its key is not a generated one.
        builder.Property(p => p.Id).ValueGeneratedNever();
        builder.Property(p => p.Schooljaar).HasConversion(j => j.Startjaar, j => new Schooljaar(j));
        builder.Property(p => p.Uitkomst).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(p => p.Klas).WithMany()
            .HasForeignKey(p => new { p.SchoolId, p.KlasId })
            .HasPrincipalKey(k => new { k.SchoolId, k.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(p => new { p.SchoolId, p.LeerlingId, p.Schooljaar }).IsUnique();
        builder.HasIndex(p => new { p.SchoolId, p.KlasId });
    }
}

internal sealed class OuderConfiguration : IEntityTypeConfiguration<Ouder>
{
    public void Configure(EntityTypeBuilder<Ouder> builder)
    {
        builder.ToTable("ouders");
        builder.IsSchoolOwnedWithId(o => new { o.SchoolId, o.Id });
        builder.Property(o => o.Voornaam).HasMaxLength(100);
        builder.Property(o => o.Tussenvoegsel).HasMaxLength(20);
        builder.Property(o => o.Achternaam).HasMaxLength(100);
        builder.Property(o => o.Email).HasMaxLength(256);
        builder.Property(o => o.Telefoon).HasMaxLength(30);
        builder.Property(o => o.Voorkeurstaal).HasMaxLength(40);
        builder.HasOne<Gebruiker>().WithMany().HasForeignKey(o => o.GebruikerId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(o => new { o.SchoolId, o.GebruikerId });
        builder.Ignore(o => o.VolledigeNaam);
    }
}

internal sealed class LeerlingOuderConfiguration : IEntityTypeConfiguration<LeerlingOuder>
{
    public void Configure(EntityTypeBuilder<LeerlingOuder> builder)
    {
        builder.ToTable("leerling_ouders");
        builder.HasKey(lo => new { lo.SchoolId, lo.LeerlingId, lo.OuderId });
        builder.BelongsToSchool();
        builder.Property(lo => lo.Relatie).HasConversion<string>().HasMaxLength(20);
        builder.HasOne(lo => lo.Ouder).WithMany()
            .HasForeignKey(lo => new { lo.SchoolId, lo.OuderId })
            .HasPrincipalKey(o => new { o.SchoolId, o.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(lo => new { lo.SchoolId, lo.OuderId });
    }
}
