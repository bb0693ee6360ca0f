using System.Text.Json;
using Leerlingzorg.Domain.Aanvragen;
using Leerlingzorg.Domain.Organisatie;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

/// <summary>What a school sent to its SWV (ADR 0010): SWV-owned, with the sending school; the snapshot as jsonb.</summary>
internal sealed class SwvaanvraagConfiguration : IEntityTypeConfiguration<Swvaanvraag>
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.General);

    public void Configure(EntityTypeBuilder<Swvaanvraag> builder)
    {
        builder.ToTable("swv_aanvragen");
        builder.HasAlternateKey(a => new { a.SwvId, a.Id });
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(a => a.SwvId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(a => a.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(a => a.Soort).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Status).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Uitkomst).HasConversion<string>().HasMaxLength(20);
        builder.Property(a => a.Vraag).HasMaxLength(Swvaanvraag.MaxVraag);
        builder.Property(a => a.Besluittekst).HasMaxLength(Swvaanvraag.MaxBesluittekst);
        builder.Property(a => a.IngediendDoorNaam).HasMaxLength(200);
        builder.Property(a => a.BesluitDoorNaam).HasMaxLength(200);
        builder.Property(a => a.TlvCategorie).HasMaxLength(20);
        builder.Property(a => a.ToegekendBedrag).HasPrecision(12, 2);
        Jsonb(builder.Property(a => a.Leerling));
        Jsonb(builder.Property(a => a.Snapshot));
        Jsonb(builder.Property(a => a.Gevraagd));
        builder.Property(a => a.Versie).IsConcurrencyToken();
        // The SWV's work lists (its own rows, by status) and a school's own applications per student.
        builder.HasIndex(a => new { a.SwvId, a.Status, a.IngediendOp });
        builder.HasIndex(a => new { a.SchoolId, a.LeerlingId });
        // As the years pile up: the list of all applications newest first, the year's grants (budget per school) and the
        // arrangements still running (their evaluations), without reading every decided application of earlier years.
        builder.HasIndex(a => new { a.SwvId, a.IngediendOp });
        builder.HasIndex(a => new { a.SwvId, a.ToegekendVan });
        builder.HasIndex(a => new { a.SwvId, a.ToegekendTot });
    }

    internal static void Jsonb<T>(PropertyBuilder<T> property) => property.HasColumnType("jsonb")
        .HasConversion(
            v => JsonSerializer.Serialize(v, Json),
            s => JsonSerializer.Deserialize<T>(s, Json)!,
            new ValueComparer<T>(
                (a, b) => JsonSerializer.Serialize(a, Json) == JsonSerializer.Serialize(b, Json),
                v => JsonSerializer.Serialize(v, Json).GetHashCode(StringComparison.Ordinal),
                v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Json), Json)!));
}

/// <summary>The students of a group arrangement, as the school sent them: SWV-owned, read by the sending school.</summary>
internal sealed class GroepslidConfiguration : IEntityTypeConfiguration<Groepslid>
{
    public void Configure(EntityTypeBuilder<Groepslid> builder)
    {
        builder.ToTable("swv_groepsleden");
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(g => g.SwvId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<School>().WithMany().HasForeignKey(g => g.SchoolId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Swvaanvraag>().WithMany()
            .HasForeignKey(g => new { g.SwvId, g.AanvraagId })
            .HasPrincipalKey(a => new { a.SwvId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        SwvaanvraagConfiguration.Jsonb(builder.Property(g => g.Leerling));
        // The SWV's application page (its students) and a school's student timeline (the group arrangements he is in).
        builder.HasIndex(g => new { g.SwvId, g.AanvraagId });
        builder.HasIndex(g => new { g.SchoolId, g.LeerlingId });
    }
}

/// <summary>An SWV-internal assessment of an application; never visible to the school.</summary>
internal sealed class BeoordelingConfiguration : IEntityTypeConfiguration<Beoordeling>
{
    public void Configure(EntityTypeBuilder<Beoordeling> builder)
    {
        builder.ToTable("swv_beoordelingen");
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(b => b.SwvId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Swvaanvraag>().WithMany()
            .HasForeignKey(b => new { b.SwvId, b.AanvraagId })
            .HasPrincipalKey(a => new { a.SwvId, a.Id })
            .OnDelete(DeleteBehavior.Restrict);
        builder.Property(b => b.Rol).HasConversion<string>().HasMaxLength(20);
        builder.Property(b => b.DoorNaam).HasMaxLength(200);
        builder.Property(b => b.Toelichting).HasMaxLength(Beoordeling.MaxToelichting);
        builder.HasIndex(b => new { b.SwvId, b.AanvraagId });
    }
}
