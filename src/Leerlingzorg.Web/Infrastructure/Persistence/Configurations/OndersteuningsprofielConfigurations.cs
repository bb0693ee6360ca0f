using System.Text.Json;
using System.Text.Json.Serialization;
using Leerlingzorg.Domain.Ondersteuningsprofielen;
using Leerlingzorg.Domain.Organisatie;
using Leerlingzorg.Web.Features;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Leerlingzorg.Web.Infrastructure.Persistence.Configurations;

internal sealed class OndersteuningsprofielConfiguration : IEntityTypeConfiguration<Ondersteuningsprofiel>
{
    public void Configure(EntityTypeBuilder<Ondersteuningsprofiel> builder)
    {
        builder.ToTable("ondersteuningsprofielen");
        builder.IsSchoolOwnedWithId(p => new { p.SchoolId, p.Id });
        // One profile per school.
        builder.HasIndex(p => p.SchoolId).IsUnique();
        builder.Property(p => p.Ondersteuningsstructuur).HasMaxLength(Ondersteuningsprofiel.SectieMaxLengte);
        builder.Property(p => p.VeiligeOmgeving).HasMaxLength(Ondersteuningsprofiel.SectieMaxLengte);
        builder.Property(p => p.Kwaliteitszorg).HasMaxLength(Ondersteuningsprofiel.SectieMaxLengte);
        builder.Property(p => p.Onderwijsaanbod).HasMaxLength(Ondersteuningsprofiel.OnderwijsaanbodMaxLengte);
        builder.Property(p => p.Adres).HasMaxLength(Ondersteuningsprofiel.AdresMaxLengte);
        builder.Property(p => p.Telefoon).HasMaxLength(Ondersteuningsprofiel.TelefoonMaxLengte);
        builder.Property(p => p.Website).HasMaxLength(Ondersteuningsprofiel.WebsiteMaxLengte);
        builder.Property(p => p.Email).HasMaxLength(Ondersteuningsprofiel.EmailMaxLengte);
        builder.Property(p => p.Expertises).HasColumnType("jsonb").HasConversion(ProfielJson.Converter<List<ProfielExpertise>>(), ProfielJson.Comparer<List<ProfielExpertise>>());
    }
}

internal sealed class GepubliceerdProfielConfiguration : IEntityTypeConfiguration<GepubliceerdProfiel>
{
    public void Configure(EntityTypeBuilder<GepubliceerdProfiel> builder)
    {
        // Outside the tenancy (ADR 0010): readable by anyone, written only by its own school (RLS in the migration).
        builder.ToTable("gepubliceerde_profielen");
        builder.HasKey(p => p.SchoolId);
        builder.HasOne<School>().WithMany().HasForeignKey(p => p.SchoolId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Samenwerkingsverband>().WithMany().HasForeignKey(p => p.SamenwerkingsverbandId).OnDelete(DeleteBehavior.Restrict);
        builder.Property(p => p.SchoolNaam).HasMaxLength(200);
        builder.Property(p => p.Zoektekst).HasMaxLength(20_000);
        builder.Property(p => p.Inhoud).HasColumnType("jsonb").HasConversion(ProfielJson.Converter<PubliekeInhoud>(), ProfielJson.Comparer<PubliekeInhoud>());
        builder.HasIndex(p => new { p.SamenwerkingsverbandId, p.SchoolNaam });
    }
}

/// <summary>The profile's JSON columns: enums by name, strings cleaned like every stored document.</summary>
internal static class ProfielJson
{
    private static readonly JsonSerializerOptions Opties = Maak();

    private static JsonSerializerOptions Maak()
    {
        var opties = VeiligeTekstJson.Opties();
        opties.Converters.Add(new JsonStringEnumConverter());
        return opties;
    }

    public static Microsoft.EntityFrameworkCore.Storage.ValueConversion.ValueConverter<T, string> Converter<T>() where T : class =>
        new(v => JsonSerializer.Serialize(v, Opties), s => JsonSerializer.Deserialize<T>(s, Opties)!);

    public static ValueComparer<T> Comparer<T>() where T : class =>
        new((a, b) => JsonSerializer.Serialize(a, Opties) == JsonSerializer.Serialize(b, Opties),
            v => JsonSerializer.Serialize(v, Opties).GetHashCode(StringComparison.Ordinal),
            v => JsonSerializer.Deserialize<T>(JsonSerializer.Serialize(v, Opties), Opties)!);
}
